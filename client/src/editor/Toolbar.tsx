import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { PARAGRAPH_STATUSES, isParagraphStatus } from '@accord/shared/schema/index';
import { moveTarget, type NewBlockType } from './draftCommands';
import { AlternativeButton } from './AlternativeButton';
import { NegotiationTools } from './NegotiationTools';
import { OverflowBar, type OverflowItem } from '../components/OverflowBar';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  status: string | null;
}

function readState(editor: Editor): ToolbarState {
  const { $from } = editor.state.selection;
  const block = $from.depth >= 1 ? $from.node(1) : null;
  const status: unknown = block?.attrs.status;
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    // Read from the state, not by a dry run of the command: this runs on every keystroke.
    canMoveUp: moveTarget(editor.state, -1) !== null,
    canMoveDown: moveTarget(editor.state, 1) !== null,
    status: typeof status === 'string' ? status : null,
  };
}

// Short visible labels keep the toolbar on one row at 1280 px; the accessible name is the full
// phrase and contains the visible word (WCAG 2.5.3, label in name).
const NEW_BLOCKS: { type: NewBlockType; label: string; short: string; keys: string }[] = [
  {
    type: 'preambular',
    label: 'editor.newPreambular',
    short: 'editor.short.preambular',
    keys: 'Control+Alt+1',
  },
  {
    type: 'operative',
    label: 'editor.newOperative',
    short: 'editor.short.operative',
    keys: 'Control+Alt+2',
  },
  {
    type: 'subparagraph',
    label: 'editor.newSubparagraph',
    short: 'editor.short.subparagraph',
    keys: 'Control+Alt+3',
  },
];

/**
 * The drafting toolbar: every control is a real button in the tab order with a visible focus
 * ring and an accessible name; toggles report `aria-pressed`. Buttons keep the editor's
 * selection (mousedown does not steal focus), so a click acts where the cursor is. The row never
 * wraps: on a narrow window the last groups move behind "More".
 */
export function Toolbar({ editor, canSetStatus }: { editor: Editor; canSetStatus: boolean }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: current }) => readState(current) });
  const keepSelection = (event: React.MouseEvent) => event.preventDefault();
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) =>
    command(editor.chain().focus()).run();

  const groups: OverflowItem[] = [
    {
      key: 'format',
      node: (
        <div className="toolbar__group">
          <button
            type="button"
            aria-pressed={state.bold}
            aria-keyshortcuts="Control+B"
            onMouseDown={keepSelection}
            onClick={() => run((chain) => chain.toggleBold())}
          >
            <b aria-hidden="true">B</b>
            <span className="visually-hidden">{t('editor.bold')}</span>
          </button>
          <button
            type="button"
            aria-pressed={state.italic}
            aria-keyshortcuts="Control+I"
            onMouseDown={keepSelection}
            onClick={() => run((chain) => chain.toggleItalic())}
          >
            <i aria-hidden="true">I</i>
            <span className="visually-hidden">{t('editor.italic')}</span>
          </button>
        </div>
      ),
    },
    {
      key: 'new',
      node: (
        <div className="toolbar__group" role="group" aria-label={t('editor.newGroup')}>
          {NEW_BLOCKS.map(({ type, label, short, keys }) => (
            <button
              key={type}
              type="button"
              aria-label={t(label)}
              aria-keyshortcuts={keys}
              title={t(label)}
              onMouseDown={keepSelection}
              onClick={() => run((chain) => chain.insertBlockAfter(type))}
            >
              <span aria-hidden="true">+ </span>
              {t(short)}
            </button>
          ))}
          <AlternativeButton editor={editor} />
        </div>
      ),
    },
    {
      key: 'move',
      node: (
        <div className="toolbar__group">
          <button
            type="button"
            aria-keyshortcuts="Alt+ArrowUp"
            aria-label={t('editor.moveUp')}
            title={t('editor.moveUp')}
            disabled={!state.canMoveUp}
            onMouseDown={keepSelection}
            onClick={() => run((chain) => chain.moveBlock(-1))}
          >
            <span aria-hidden="true">↑ </span>
            {t('editor.short.up')}
          </button>
          <button
            type="button"
            aria-keyshortcuts="Alt+ArrowDown"
            aria-label={t('editor.moveDown')}
            title={t('editor.moveDown')}
            disabled={!state.canMoveDown}
            onMouseDown={keepSelection}
            onClick={() => run((chain) => chain.moveBlock(1))}
          >
            <span aria-hidden="true">↓ </span>
            {t('editor.short.down')}
          </button>
        </div>
      ),
    },
    { key: 'negotiate', node: <NegotiationTools editor={editor} isChair={canSetStatus} /> },
  ];
  if (canSetStatus && state.status !== null)
    groups.push({
      key: 'status',
      node: (
        <div className="toolbar__group">
          <label className="toolbar__label">
            {t('editor.paragraphStatus')}
            <select
              value={state.status}
              onChange={(event) => {
                const status = event.target.value;
                if (isParagraphStatus(status)) run((chain) => chain.setParagraphStatus(status));
              }}
            >
              {PARAGRAPH_STATUSES.map((status, index) => (
                <option key={status} value={status} title={`Alt+Shift+${index + 1}`}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ),
    });

  // One row at every width: what does not fit goes behind "More" instead of wrapping.
  return <OverflowBar className="toolbar" label={t('editor.toolbar')} items={groups} />;
}
