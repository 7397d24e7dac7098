import type { Catalogue } from '../catalogue';

/** The editor: its toolbar, the paragraph structure, presence, the connection and this device, refused changes, and the first load. */
export const editorSentences = {
  editor: {
    toolbar: 'Formato y párrafos',
    bold: 'Negrita',
    italic: 'Cursiva',
    newPreambular: 'Nuevo párrafo preambular',
    newOperative: 'Nuevo párrafo resolutivo',
    newSubparagraph: 'Nuevo inciso',
    moveUp: 'Subir el párrafo',
    moveDown: 'Bajar el párrafo',
    short: {
      preambular: 'Preambular',
      operative: 'Resolutivo',
      subparagraph: 'Inciso',
      up: 'Subir',
      down: 'Bajar',
    },
    newGroup: 'Nuevo párrafo',
    paragraphStatus: 'Estado del párrafo',
    lock: 'Bloquear para adopción',
    unlock: 'Desbloquear',
    editorLabel: 'Texto de {{title}}',
    readOnlyObserver: 'Usted sigue la reunión como observador: el texto es de solo lectura.',
    lockedBanner: 'Este documento está bloqueado para su adopción. Nadie puede modificarlo.',
    documentLoadFailed: 'No fue posible abrir el documento: {{message}}',
    dismiss: 'Descartar',
  },
  status: {
    pending: 'Pendiente',
    ad_ref: 'Acordado ad referéndum',
    agreed: 'Acordado',
  },
  connection: {
    label: 'Conexión',
    connecting: 'Conectando…',
    connected: 'Conectado, cargando la versión más reciente del texto…',
    synced: 'Conectado · actualizado',
    reconnecting: 'Reconectando…',
    offline: 'Sin conexión: sus cambios se conservan en este dispositivo',
    savedOnDevice: 'Guardado en este dispositivo',
    savingOnDevice: 'Guardando en este dispositivo…',
    closed: 'Desconectado',
  },
  refusal: {
    read_only:
      'Sus últimos cambios no fueron aceptados: su función le permite leer este documento, pero no modificarlo.',
    locked:
      'Sus últimos cambios no fueron aceptados: la Presidencia bloqueó el documento. Ahora ve el texto tal como lo conserva el servidor.',
    foreign_client:
      'Sus últimos cambios no fueron aceptados: provenían de la sesión de otro participante en este dispositivo.',
    status_not_allowed:
      'Sus últimos cambios no fueron aceptados: solo la Presidencia puede cambiar el estado de un párrafo.',
    missing_history:
      'Sus últimos cambios no fueron aceptados: se basaban en una versión del texto que el servidor ya no conserva.',
    invalid_update: 'Sus últimos cambios no fueron aceptados: el servidor no pudo leerlos.',
    document_too_large:
      'Sus últimos cambios no fueron aceptados: el documento superaría el tamaño que admite el servidor.',
    participant_budget:
      'Sus últimos cambios no fueron aceptados: ya ha añadido a este documento tanto como un participante puede añadir en una hora. La Presidencia puede seguir editándolo.',
    storage_unavailable:
      'El servidor no pudo guardar sus últimos cambios; los recibirá de nuevo en cuanto pueda.',
    awareness_too_large: 'El servidor rechazó la información de su cursor: era demasiado extensa.',
    awareness_clients:
      'El servidor rechazó la información de su cursor: mencionaba varios dispositivos.',
    schema:
      'Sus últimos cambios no fueron aceptados: no se ajustan a la estructura de un proyecto.',
    merge_cost:
      'Sus últimos cambios no fueron aceptados: el servidor tardaría demasiado en incorporarlos.',
    future_delete:
      'Sus últimos cambios no fueron aceptados: eliminaban texto que otro participante aún no ha escrito.',
    unknown_reference:
      'Sus últimos cambios no fueron aceptados: remiten a un texto que el servidor no tiene.',
    bracket_not_allowed:
      'Sus últimos cambios no fueron aceptados: una delegación solo puede poner o quitar corchetes en su propio nombre.',
    paragraph_agreed:
      'Sus últimos cambios no fueron aceptados: solo la Presidencia puede modificar un párrafo acordado.',
    entry_not_allowed:
      'Sus últimos cambios no fueron aceptados: los comentarios, los corchetes y el apoyo a las propuestas solo pueden añadirse o retirarse en nombre propio.',
    proposal_not_allowed:
      'No se aceptaron sus últimos cambios: en esta modalidad de redacción una delegación modifica el texto solo mediante propuestas, y solo en su propio nombre.',
    unknown:
      'El servidor no aceptó sus últimos cambios. Ahora ve el texto tal como lo conserva el servidor.',
    serverSays: 'Motivo indicado por el servidor: {{reason}}',
  },
  presence: {
    title: 'Presentes',
    you: '(usted)',
    noDelegation: 'Sin delegación',
    count_one: '{{count}} persona',
    count_other: '{{count}} personas',
    count_many: '{{count}} de personas',
  },
  device: {
    clear: 'Borrar los datos de este dispositivo',
    confirm: '¿Eliminar las copias sin conexión y cerrar la sesión en este navegador?',
    confirmYes: 'Sí, borrar',
    cancel: 'Cancelar',
  },
  structure: {
    alternative: 'Alternativa (bis) a este párrafo resolutivo',
    alternativeShort: 'Alternativa (bis)',
    guidance: 'Orientaciones',
  },
  day: {
    refusedTitle: {
      locked: 'Su texto no se añadió porque la presidencia bloqueó el documento',
      read_only:
        'Su texto no se añadió porque su función permite leer este documento, pero no modificarlo',
      other: 'Su texto no se añadió porque el servidor rechazó el cambio',
    },
    copy: 'Copiar',
    copied: 'Copiado',
    proposeIt: 'Proponerlo',
    lockConfirm:
      '¿Bloquear el texto para su adopción? Nadie podrá modificarlo hasta que se desbloquee. Las palabras que aún no hayan llegado al servidor se mostrarán a sus autores, sin añadirse.',
    lockYes: 'Sí, bloquear',
    cancel: 'Cancelar',
    announceRestored: 'La presidencia restableció {{label}}',
    announceLocked: 'La presidencia bloqueó el texto para su adopción',
    announceUnlocked: 'La presidencia desbloqueó el texto para una nueva lectura',
  },
  dayui: {
    more: 'Más',
    moreTools: 'Más herramientas',
    panels: 'Paneles',
    partFailed:
      'No se pudo cargar esta parte de la página. Su texto está a salvo; vuelva a cargar la página para intentarlo de nuevo.',
    reloadPage: 'Volver a cargar la página',
    goToMeetings: 'Ir a las reuniones',
    incompleteTitle: 'Este enlace está incompleto',
    incompleteBody:
      'El enlace de invitación quedó cortado o contiene un error, por lo que Accord no puede identificarle. Copie el enlace completo de su invitación o solicítelo nuevamente a la secretaría de la reunión.',
    offlineSentence:
      'Está sin conexión. Puede seguir trabajando: sus cambios se conservan en este dispositivo y se enviarán cuando se restablezca la conexión.',
    reconnectingSentence:
      'Se interrumpió la conexión con el servidor. Accord está volviendo a conectarse; mientras tanto, sus cambios se conservan en este dispositivo.',
    unreachableSentence:
      'El servidor no respondió. Su texto está a salvo en este dispositivo; vuelva a intentarlo en unos instantes.',
  },
  firstload: {
    opening: 'Abriendo el editor…',
    notYet:
      'Todavía no se puede modificar el texto: podrá escribir en cuanto se abra el editor, en unos instantes.',
  },
  conventions: {
    yourTime: 'Su hora: {{time}}',
  },
} satisfies Partial<Catalogue>;
