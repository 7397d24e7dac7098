/** The editor: its toolbar, the paragraph structure, presence, the connection and this device, refused changes, and the first load. */
export const editorSentences = {
  editor: {
    toolbar: 'Formatting and paragraphs',
    bold: 'Bold',
    italic: 'Italic',
    newPreambular: 'New preambular paragraph',
    newOperative: 'New operative paragraph',
    newSubparagraph: 'New sub-paragraph',
    moveUp: 'Move paragraph up',
    moveDown: 'Move paragraph down',
    short: {
      preambular: 'Preambular',
      operative: 'Operative',
      subparagraph: 'Sub-paragraph',
      up: 'Up',
      down: 'Down',
    },
    newGroup: 'New paragraph',
    paragraphStatus: 'Paragraph status',
    lock: 'Lock for adoption',
    unlock: 'Unlock',
    editorLabel: 'Text of {{title}}',
    readOnlyObserver: 'You are following as an observer: the text is read-only.',
    lockedBanner: 'This document is locked for adoption. Nobody can change it.',
    documentLoadFailed: 'The document could not be opened: {{message}}',
    dismiss: 'Dismiss',
  },
  status: {
    pending: 'Pending',
    ad_ref: 'Agreed ad ref',
    agreed: 'Agreed',
  },
  connection: {
    label: 'Connection',
    connecting: 'Connecting…',
    connected: 'Connected, loading the latest text…',
    synced: 'Connected · up to date',
    reconnecting: 'Reconnecting…',
    offline: 'Offline: your changes are kept on this device',
    savedOnDevice: 'Saved on this device',
    savingOnDevice: 'Saving on this device…',
    closed: 'Disconnected',
  },
  refusal: {
    read_only:
      'Your last changes were not accepted: your role can read this document but not change it.',
    locked:
      'Your last changes were not accepted: the document was locked by the chair. You now see the text as the server holds it.',
    foreign_client:
      'Your last changes were not accepted: they came from another participant’s session on this device.',
    status_not_allowed:
      'Your last changes were not accepted: only the chair can change a paragraph’s status.',
    missing_history:
      'Your last changes were not accepted: they were based on a version of the text the server no longer has.',
    invalid_update: 'Your last changes were not accepted: the server could not read them.',
    document_too_large:
      'Your last changes were not accepted: the document would be larger than the server allows.',
    participant_budget:
      'Your last changes were not accepted: you have added as much to this document as one participant may within an hour. The chair can still edit.',
    storage_unavailable:
      'The server could not store your last changes; it will take them again as soon as it can.',
    awareness_too_large: 'The server refused your cursor information: it was too large.',
    awareness_clients: 'The server refused your cursor information: it named several devices.',
    schema: 'Your last changes were not accepted: they do not fit the structure of a draft.',
    merge_cost:
      'Your last changes were not accepted: they would take the server too long to merge.',
    future_delete:
      'Your last changes were not accepted: they deleted text another participant has not written yet.',
    unknown_reference:
      'Your last changes were not accepted: they refer to text the server does not have.',
    bracket_not_allowed:
      'Your last changes were not accepted: a delegation can add or remove brackets only in its own name.',
    paragraph_agreed:
      'Your last changes were not accepted: an agreed paragraph can be changed only by the chair.',
    entry_not_allowed:
      'Your last changes were not accepted: comments, brackets and support for proposals can be added or withdrawn only in your own name.',
    proposal_not_allowed:
      'Your last changes were not accepted: in this drafting mode a delegation changes the text only by proposing, and only in its own name.',
    unknown:
      'Your last changes were not accepted by the server. You now see the text as the server holds it.',
    serverSays: 'Server’s reason: {{reason}}',
  },
  presence: {
    title: 'Present',
    you: '(you)',
    noDelegation: 'No delegation',
    count_one: '{{count}} person',
    count_other: '{{count}} people',
  },
  device: {
    clear: 'Clear this device',
    confirm: 'Remove offline copies and sign out of this browser?',
    confirmYes: 'Yes, clear',
    cancel: 'Cancel',
  },
  structure: {
    alternative: 'Alternative (bis) to this operative paragraph',
    alternativeShort: 'Alternative (bis)',
    guidance: 'Guidance',
  },
  day: {
    refusedTitle: {
      locked: 'Your text was not added because the chair locked the document',
      read_only:
        'Your text was not added because your role can read this document but not change it',
      other: 'Your text was not added because the server refused the change',
    },
    copy: 'Copy',
    copied: 'Copied',
    proposeIt: 'Propose it',
    lockConfirm:
      'Lock the text for adoption? Nobody can change it until it is unlocked. Words that have not yet reached the server are shown to their authors, not added.',
    lockYes: 'Yes, lock',
    cancel: 'Cancel',
    announceRestored: 'The chair restored {{label}}',
    announceLocked: 'The chair locked the text for adoption',
    announceUnlocked: 'The chair unlocked the text for another reading',
  },
  dayui: {
    more: 'More',
    moreTools: 'More tools',
    panels: 'Panels',
    partFailed:
      'This part of the page could not be loaded. Your text is safe; reload the page to try again.',
    reloadPage: 'Reload the page',
    goToMeetings: 'Go to the meetings',
    incompleteTitle: 'This link is incomplete',
    incompleteBody:
      'The invitation link was cut short or mistyped, so Accord cannot tell who you are. Copy the whole link from your invitation, or ask the meeting secretariat for it again.',
    offlineSentence:
      'You are offline. You can keep working: your edits are kept on this device and sent when the connection returns.',
    reconnectingSentence:
      'The connection to the server was interrupted. Accord is reconnecting; your edits are kept on this device meanwhile.',
    unreachableSentence:
      'The server did not answer. Your text is safe on this device; try again in a moment.',
  },
  firstload: {
    opening: 'Opening the editor…',
    notYet:
      'The text cannot be edited yet: you can type as soon as the editor has opened, in a moment.',
  },
  conventions: {
    yourTime: 'Your time: {{time}}',
  },
} as const;
