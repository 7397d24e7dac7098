import type { Catalogue } from '../catalogue';

/** The editor: its toolbar, the paragraph structure, presence, the connection and this device, refused changes, and the first load. */
export const editorSentences = {
  editor: {
    toolbar: 'Formatação e parágrafos',
    bold: 'Negrito',
    italic: 'Itálico',
    newPreambular: 'Novo parágrafo preambular',
    newOperative: 'Novo parágrafo dispositivo',
    newSubparagraph: 'Nova alínea',
    moveUp: 'Subir o parágrafo',
    moveDown: 'Descer o parágrafo',
    short: {
      preambular: 'Preambular',
      operative: 'Dispositivo',
      subparagraph: 'Alínea',
      up: 'Subir',
      down: 'Descer',
    },
    newGroup: 'Novo parágrafo',
    paragraphStatus: 'Situação do parágrafo',
    lock: 'Bloquear para adoção',
    unlock: 'Desbloquear',
    editorLabel: 'Texto de {{title}}',
    readOnlyObserver: 'Você acompanha a reunião como observador: o texto é somente para leitura.',
    lockedBanner: 'Este documento está bloqueado para adoção. Ninguém pode alterá-lo.',
    documentLoadFailed: 'Não foi possível abrir o documento: {{message}}',
    dismiss: 'Dispensar',
  },
  status: {
    pending: 'Pendente',
    ad_ref: 'Acordado ad referendum',
    agreed: 'Acordado',
  },
  connection: {
    label: 'Conexão',
    connecting: 'Conectando…',
    connected: 'Conectado, carregando a versão mais recente do texto…',
    synced: 'Conectado · atualizado',
    reconnecting: 'Reconectando…',
    offline: 'Off-line: suas alterações são mantidas neste dispositivo',
    savedOnDevice: 'Salvo neste dispositivo',
    savingOnDevice: 'Salvando neste dispositivo…',
    closed: 'Desconectado',
  },
  refusal: {
    read_only:
      'Suas últimas alterações não foram aceitas: sua função permite ler este documento, mas não alterá-lo.',
    locked:
      'Suas últimas alterações não foram aceitas: a Presidência bloqueou o documento. Agora você vê o texto tal como o servidor o mantém.',
    foreign_client:
      'Suas últimas alterações não foram aceitas: vieram da sessão de outro participante neste dispositivo.',
    status_not_allowed:
      'Suas últimas alterações não foram aceitas: somente a Presidência pode mudar a situação de um parágrafo.',
    missing_history:
      'Suas últimas alterações não foram aceitas: baseavam-se em uma versão do texto que o servidor não mantém mais.',
    invalid_update: 'Suas últimas alterações não foram aceitas: o servidor não conseguiu lê-las.',
    document_too_large:
      'Suas últimas alterações não foram aceitas: o documento ultrapassaria o tamanho permitido pelo servidor.',
    participant_budget:
      'Suas últimas alterações não foram aceitas: você já acrescentou a este documento tanto quanto um participante pode acrescentar em uma hora. A Presidência ainda pode editá-lo.',
    storage_unavailable:
      'O servidor não pôde salvar suas últimas alterações; ele as receberá novamente assim que puder.',
    awareness_too_large: 'O servidor recusou as informações do seu cursor: eram grandes demais.',
    awareness_clients:
      'O servidor recusou as informações do seu cursor: indicavam vários dispositivos.',
    schema:
      'Suas últimas alterações não foram aceitas: não respeitam a estrutura de um projeto de texto.',
    merge_cost:
      'Suas últimas alterações não foram aceitas: o servidor levaria tempo demais para incorporá-las.',
    future_delete:
      'Suas últimas alterações não foram aceitas: apagavam texto que outro participante ainda não escreveu.',
    unknown_reference:
      'Suas últimas alterações não foram aceitas: referem-se a um texto que o servidor não tem.',
    bracket_not_allowed:
      'Suas últimas alterações não foram aceitas: uma delegação só pode colocar ou retirar colchetes em seu próprio nome.',
    paragraph_agreed:
      'Suas últimas alterações não foram aceitas: somente a Presidência pode modificar um parágrafo acordado.',
    entry_not_allowed:
      'Suas últimas alterações não foram aceitas: comentários, colchetes e apoio a propostas só podem ser adicionados ou retirados em seu próprio nome.',
    proposal_not_allowed:
      'Suas últimas alterações não foram aceitas: neste modo de redação, uma delegação altera o texto somente por meio de propostas, e somente em seu próprio nome.',
    unknown:
      'O servidor não aceitou suas últimas alterações. Agora você vê o texto tal como o servidor o mantém.',
    serverSays: 'Motivo informado pelo servidor: {{reason}}',
  },
  presence: {
    title: 'Presentes',
    you: '(você)',
    noDelegation: 'Sem delegação',
    count_one: '{{count}} pessoa',
    count_other: '{{count}} pessoas',
    count_many: '{{count}} de pessoas',
  },
  device: {
    clear: 'Apagar os dados deste dispositivo',
    confirm: 'Remover as cópias off-line e encerrar a sessão neste navegador?',
    confirmYes: 'Sim, apagar',
    cancel: 'Cancelar',
  },
  structure: {
    alternative: 'Alternativa (bis) a este parágrafo dispositivo',
    alternativeShort: 'Alternativa (bis)',
    guidance: 'Orientações',
  },
  day: {
    refusedTitle: {
      locked: 'Seu texto não foi adicionado porque a presidência bloqueou o documento',
      read_only:
        'Seu texto não foi adicionado porque sua função permite ler este documento, mas não alterá-lo',
      other: 'Seu texto não foi adicionado porque o servidor recusou a alteração',
    },
    copy: 'Copiar',
    copied: 'Copiado',
    proposeIt: 'Propor',
    lockConfirm:
      'Bloquear o texto para adoção? Ninguém poderá alterá-lo até que seja desbloqueado. As palavras que ainda não chegaram ao servidor serão mostradas aos seus autores, sem serem adicionadas.',
    lockYes: 'Sim, bloquear',
    cancel: 'Cancelar',
    announceRestored: 'A presidência restabeleceu {{label}}',
    announceLocked: 'A presidência bloqueou o texto para adoção',
    announceUnlocked: 'A presidência desbloqueou o texto para uma nova leitura',
  },
  dayui: {
    more: 'Mais',
    moreTools: 'Mais ferramentas',
    panels: 'Painéis',
    partFailed:
      'Não foi possível carregar esta parte da página. Seu texto está seguro; recarregue a página para tentar novamente.',
    reloadPage: 'Recarregar a página',
    goToMeetings: 'Ir para as reuniões',
    incompleteTitle: 'Este link está incompleto',
    incompleteBody:
      'O link do convite foi cortado ou digitado incorretamente, de modo que o Accord não pode identificá-lo. Copie o link completo do seu convite ou solicite-o novamente à secretaria da reunião.',
    offlineSentence:
      'Você está sem conexão. Pode continuar trabalhando: suas alterações são mantidas neste dispositivo e serão enviadas quando a conexão voltar.',
    reconnectingSentence:
      'A conexão com o servidor foi interrompida. O Accord está se reconectando; enquanto isso, suas alterações são mantidas neste dispositivo.',
    unreachableSentence:
      'O servidor não respondeu. Seu texto está seguro neste dispositivo; tente novamente em instantes.',
  },
  firstload: {
    opening: 'Abrindo o editor…',
    notYet:
      'O texto ainda não pode ser editado: poderá digitar assim que o editor abrir, dentro de instantes.',
  },
  conventions: {
    yourTime: 'Seu horário: {{time}}',
  },
} satisfies Partial<Catalogue>;
