import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { isCleanText } from './brackets';
import { numberingFrozen } from './frozenNumbers';

/**
 * The toolbar's negotiation group: "Bracket" (Mod-Shift-B) and "Remove brackets" for every
 * writer, the clean-text indicator, and for the chair "Freeze numbering" / "Renumber".
 */
export function NegotiationTools({ editor, isChair }: { editor: Editor; isChair: boolean }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      clean: isCleanText(current.state.doc),
      frozen: numberingFrozen(current.state.doc),
      canBracket: current.can().bracketSelection(),
      canRemove: current.can().removeBrackets(),
    }),
  });
  const keepSelection = (event: React.MouseEvent) => event.preventDefault();

  return (
    <div className="toolbar__group" role="group" aria-label={t('negotiate.group')}>
      <button
        type="button"
        aria-keyshortcuts="Control+Shift+B"
        title={t('negotiate.bracketTitle')}
        disabled={!state.canBracket}
        onMouseDown={keepSelection}
        onClick={() => editor.chain().focus().bracketSelection().run()}
      >
        [ ] {t('negotiate.bracket')}
      </button>
      <button
        type="button"
        aria-keyshortcuts="Control+Shift+X"
        title={t('negotiate.removeBracketsTitle')}
        disabled={!state.canRemove}
        onMouseDown={keepSelection}
        onClick={() => editor.chain().focus().removeBrackets().run()}
      >
        {t('negotiate.removeBrackets')}
      </button>
      {isChair && (
        <button
          type="button"
          aria-pressed={state.frozen}
          title={state.frozen ? t('negotiate.renumberTitle') : t('negotiate.freezeTitle')}
          onMouseDown={keepSelection}
          onClick={() =>
            state.frozen
              ? editor.chain().focus().renumber().run()
              : editor.chain().focus().freezeNumbering().run()
          }
        >
          {state.frozen ? t('negotiate.renumber') : t('negotiate.freeze')}
        </button>
      )}
      <span className="clean-text" role="status" data-clean={String(state.clean)}>
        {state.clean ? t('negotiate.cleanText') : t('negotiate.bracketedText')}
      </span>
    </div>
  );
}
