import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { alternativeTarget } from './alternatives';

/**
 * "Alternative (bis)": proposes an alternative to the operative paragraph holding the cursor.
 * Disabled outside operative paragraphs and their sub-paragraphs. Like the toolbar's other
 * buttons it keeps the editor's selection, so the click acts where the cursor is.
 */
export function AlternativeButton({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const enabled = useEditorState({
    editor,
    selector: ({ editor: current }) => alternativeTarget(current.state) !== null,
  });
  return (
    <button
      type="button"
      aria-label={t('structure.alternative')}
      aria-keyshortcuts="Control+Alt+4"
      title={t('structure.alternative')}
      disabled={!enabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor.chain().focus().insertAlternative().run()}
    >
      <span aria-hidden="true">+ </span>
      {t('structure.alternativeShort')}
    </button>
  );
}
