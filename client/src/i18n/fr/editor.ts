import type { Catalogue } from '../catalogue';

/** The editor: its toolbar, the paragraph structure, presence, the connection and this device, refused changes, and the first load. */
export const editorSentences = {
  editor: {
    toolbar: 'Mise en forme et paragraphes',
    bold: 'Gras',
    italic: 'Italique',
    newPreambular: 'Nouvel alinéa du préambule',
    newOperative: 'Nouveau paragraphe du dispositif',
    newSubparagraph: 'Nouvel alinéa',
    moveUp: 'Monter le paragraphe',
    moveDown: 'Descendre le paragraphe',
    short: {
      preambular: 'Préambule',
      operative: 'Dispositif',
      subparagraph: 'Alinéa',
      up: 'Monter',
      down: 'Descendre',
    },
    newGroup: 'Nouveau paragraphe',
    paragraphStatus: 'État du paragraphe',
    lock: 'Verrouiller pour adoption',
    unlock: 'Déverrouiller',
    editorLabel: 'Texte de {{title}}',
    readOnlyObserver:
      'Vous suivez la réunion en tant qu’observateur : le texte est en lecture seule.',
    lockedBanner:
      'Ce document est verrouillé en vue de son adoption. Personne ne peut le modifier.',
    documentLoadFailed: 'Le document n’a pas pu être ouvert : {{message}}',
    dismiss: 'Fermer le message',
  },
  status: {
    pending: 'En suspens',
    ad_ref: 'Convenu ad referendum',
    agreed: 'Convenu',
  },
  connection: {
    label: 'Connexion',
    connecting: 'Connexion en cours…',
    connected: 'Connecté, chargement de la dernière version du texte…',
    synced: 'Connecté · à jour',
    reconnecting: 'Reconnexion…',
    offline: 'Hors ligne : vos modifications sont conservées sur cet appareil',
    savedOnDevice: 'Enregistré sur cet appareil',
    savingOnDevice: 'Enregistrement sur cet appareil…',
    closed: 'Déconnecté',
  },
  refusal: {
    read_only:
      'Vos dernières modifications n’ont pas été acceptées : votre fonction vous permet de lire ce document, mais pas de le modifier.',
    locked:
      'Vos dernières modifications n’ont pas été acceptées : la Présidence a verrouillé le document. Vous voyez désormais le texte tel que le serveur le conserve.',
    foreign_client:
      'Vos dernières modifications n’ont pas été acceptées : elles provenaient de la session d’un autre participant sur cet appareil.',
    status_not_allowed:
      'Vos dernières modifications n’ont pas été acceptées : seule la Présidence peut changer l’état d’un paragraphe.',
    missing_history:
      'Vos dernières modifications n’ont pas été acceptées : elles reposaient sur une version du texte que le serveur ne conserve plus.',
    invalid_update:
      'Vos dernières modifications n’ont pas été acceptées : le serveur n’a pas pu les lire.',
    document_too_large:
      'Vos dernières modifications n’ont pas été acceptées : le document dépasserait la taille admise par le serveur.',
    participant_budget:
      'Vos dernières modifications n’ont pas été acceptées : vous avez déjà ajouté à ce document autant qu’un participant peut le faire en une heure. La Présidence peut toujours le modifier.',
    storage_unavailable:
      'Le serveur n’a pas pu enregistrer vos dernières modifications ; il les reprendra dès qu’il le pourra.',
    awareness_too_large:
      'Le serveur a refusé les informations de votre curseur : elles étaient trop volumineuses.',
    awareness_clients:
      'Le serveur a refusé les informations de votre curseur : elles désignaient plusieurs appareils.',
    schema:
      'Vos dernières modifications n’ont pas été acceptées : elles ne respectent pas la structure d’un projet de texte.',
    merge_cost:
      'Vos dernières modifications n’ont pas été acceptées : le serveur mettrait trop de temps à les intégrer.',
    future_delete:
      'Vos dernières modifications n’ont pas été acceptées : elles supprimaient un texte qu’un autre participant n’a pas encore écrit.',
    unknown_reference:
      'Vos dernières modifications n’ont pas été acceptées : elles renvoient à un texte que le serveur ne possède pas.',
    bracket_not_allowed:
      'Vos dernières modifications n’ont pas été acceptées : une délégation ne peut placer ou retirer des crochets qu’en son propre nom.',
    paragraph_agreed:
      'Vos dernières modifications n’ont pas été acceptées : seule la Présidence peut modifier un paragraphe convenu.',
    entry_not_allowed:
      'Vos dernières modifications n’ont pas été acceptées : les commentaires, les crochets et l’appui aux propositions ne peuvent être ajoutés ou retirés qu’en votre propre nom.',
    proposal_not_allowed:
      'Vos dernières modifications n’ont pas été acceptées : dans ce mode de rédaction, une délégation ne modifie le texte que par des propositions, et seulement en son propre nom.',
    unknown:
      'Le serveur n’a pas accepté vos dernières modifications. Vous voyez désormais le texte tel que le serveur le conserve.',
    serverSays: 'Motif indiqué par le serveur : {{reason}}',
  },
  presence: {
    title: 'Présents',
    you: '(vous)',
    noDelegation: 'Sans délégation',
    count_one: '{{count}} personne',
    count_other: '{{count}} personnes',
    count_many: '{{count}} de personnes',
  },
  device: {
    clear: 'Effacer les données de cet appareil',
    confirm: 'Supprimer les copies hors ligne et se déconnecter de ce navigateur ?',
    confirmYes: 'Oui, effacer',
    cancel: 'Annuler',
  },
  structure: {
    alternative: 'Variante (bis) de ce paragraphe du dispositif',
    alternativeShort: 'Variante (bis)',
    guidance: 'Indications',
  },
  day: {
    refusedTitle: {
      locked: 'Votre texte n’a pas été ajouté, car la présidence a verrouillé le document',
      read_only:
        'Votre texte n’a pas été ajouté, car votre rôle permet de lire ce document, mais non de le modifier',
      other: 'Votre texte n’a pas été ajouté, car le serveur a refusé la modification',
    },
    copy: 'Copier',
    copied: 'Copié',
    proposeIt: 'Le proposer',
    lockConfirm:
      'Verrouiller le texte pour adoption ? Personne ne pourra le modifier avant son déverrouillage. Les mots qui ne sont pas encore parvenus au serveur seront montrés à leurs auteurs, sans être ajoutés.',
    lockYes: 'Oui, verrouiller',
    cancel: 'Annuler',
    announceRestored: 'La présidence a rétabli {{label}}',
    announceLocked: 'La présidence a verrouillé le texte pour adoption',
    announceUnlocked: 'La présidence a déverrouillé le texte pour une nouvelle lecture',
  },
  dayui: {
    more: 'Plus',
    moreTools: 'Autres outils',
    panels: 'Panneaux',
    partFailed:
      'Cette partie de la page n’a pas pu être chargée. Votre texte est en sécurité ; rechargez la page pour réessayer.',
    reloadPage: 'Recharger la page',
    goToMeetings: 'Aller aux réunions',
    incompleteTitle: 'Ce lien est incomplet',
    incompleteBody:
      'Le lien d’invitation a été tronqué ou mal recopié : Accord ne peut donc pas vous identifier. Copiez le lien complet figurant dans votre invitation ou demandez-le de nouveau au secrétariat de la réunion.',
    offlineSentence:
      'Vous êtes hors ligne. Vous pouvez continuer à travailler : vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion.',
    reconnectingSentence:
      'La connexion au serveur a été interrompue. Accord se reconnecte ; vos modifications sont conservées sur cet appareil entre-temps.',
    unreachableSentence:
      'Le serveur n’a pas répondu. Votre texte est en sécurité sur cet appareil ; réessayez dans un instant.',
  },
  firstload: {
    opening: 'Ouverture de l’éditeur…',
    notYet:
      'Le texte ne peut pas encore être modifié : vous pourrez saisir dès l’ouverture de l’éditeur, dans un instant.',
  },
  conventions: {
    yourTime: 'Votre heure : {{time}}',
  },
} satisfies Partial<Catalogue>;
