/// The fixed words of the synthetic corpus: a few hundred common English words, people,
/// credits and the set phrases of entertainment copy.
///
/// Everything is invented for this generator (no sentence comes from a real article).
/// Lists are in falling order of frequency where a `ZipfTable` draws from them, so the
/// first entries are the ones queries can rely on; add new entries at the end to keep
/// existing corpora, and the figures measured on them, unchanged.
enum Lexicon {
  /// Short words that glue sentences together, most frequent first.
  static let functionWords = [
    "the", "and", "to", "of", "a", "in", "her", "his", "she", "he", "was", "for", "on",
    "with", "that", "their", "they", "at", "is", "it", "as", "by", "from", "who", "but",
    "this", "have", "has", "had", "be", "were", "after", "about", "all", "an", "when",
    "while", "before", "during", "into", "over", "just", "also", "not", "so", "what",
    "which", "out", "up", "than", "then", "some", "most", "only", "even", "both", "every",
    "our", "its", "we", "you", "them", "him", "there", "where", "since", "until", "around",
    "because", "though", "again", "still", "once", "through",
  ]

  /// Common content words of entertainment news, most frequent first. The generated
  /// pseudo-words follow them in the same frequency ranking.
  static let contentWords = [
    "fans", "new", "show", "star", "first", "year", "time", "night", "season", "series",
    "film", "movie", "album", "song", "music", "video", "love", "family", "friends",
    "couple", "life", "home", "world", "tour", "stage", "premiere", "finale", "actress",
    "actor", "singer", "director", "producer", "rapper", "model", "host", "performance",
    "look", "photos", "red", "carpet", "dress", "gown", "outfit", "style", "award",
    "awards", "oscar", "grammy", "emmy", "festival", "concert", "debut", "release",
    "single", "episode", "trailer", "sequel", "cast", "role", "character", "story",
    "interview", "fashion", "week", "weekend", "party", "wedding", "baby", "daughter",
    "son", "mother", "father", "sister", "brother", "husband", "wife", "partner",
    "romance", "relationship", "split", "reunion", "anniversary", "birthday", "holiday",
    "summer", "winter", "spring", "city", "beach", "studio", "screen", "streaming",
    "network", "ratings", "chart", "record", "hit", "track", "lyrics", "band", "group",
    "duo", "solo", "crowd", "audience", "critics", "reviews", "box", "office", "ticket",
    "sales", "big", "best", "rare", "sweet", "sparkling", "stunning", "glamorous",
    "emotional", "surprise", "secret", "final", "latest", "huge", "major", "special",
    "exclusive", "official", "former", "longtime", "young", "little", "golden", "silver",
    "black", "white", "pink", "blue", "green", "sheer", "chic", "bold", "classic",
    "vintage", "said", "told", "shared", "revealed", "posted", "wrote", "added",
    "explained", "announced", "confirmed", "joined", "wore", "arrived", "walked",
    "stepped", "showed", "opened", "dropped", "released", "performed", "teased",
    "celebrated", "thanked", "praised", "admitted", "called", "made", "took", "gave",
    "left", "started", "returned", "sang", "danced", "kissed", "hugged", "smiled",
    "laughed", "waved", "posed", "spotted", "reporters", "instagram", "social", "media",
    "podcast", "magazine", "cover", "campaign", "brand", "collection", "launch",
    "charity", "gala", "event", "ceremony", "venue", "theater", "arena", "stadium",
    "hotel", "restaurant", "dinner", "vacation", "trip", "flight", "house", "mansion",
    "dog", "moment", "day", "days", "months", "years", "people", "way", "part", "hand",
    "heart", "fan", "photo", "clip", "caption", "post", "message", "statement", "news",
    "rumors", "source", "insider", "team", "label", "deal", "project", "script",
    "shoot", "set", "scene", "behind", "scenes", "late", "opening", "reality",
    "nominee", "winner", "nomination", "speech", "tribute", "career", "icon", "legend",
    "comeback", "hiatus", "engagement", "ring", "vows", "honeymoon", "pregnancy",
  ]

  /// Set phrases that phrase queries look for, most frequent first.
  static let phrases = [
    "red carpet", "music video", "box office", "world tour", "season finale",
    "social media", "new album", "love story", "first look", "reality show",
    "fashion week", "late night", "behind the scenes", "award show", "opening night",
  ]

  /// Given names; about one in five carries a diacritic, so accent folding is exercised.
  static let firstNames = [
    "Mara", "Tobias", "Calla", "Dolores", "Zoë", "Renée", "Søren", "Björn", "Inés",
    "José", "Chloé", "Anaïs", "Joaquín", "Léa", "Noémie", "Øyvind", "Ángel", "Ayla",
    "Bram", "Cosima", "Dario", "Elodie", "Fenna", "Gideon", "Hollis", "Ilse", "Juniper",
    "Kofi", "Linnea", "Marlowe", "Nico", "Odette", "Priya", "Quincy", "Rafe", "Saoirse",
    "Tamsin", "Ulla", "Vito", "Wren", "Xiomara", "Yusuf", "Zadie", "Amara", "Beckett",
    "Clementine", "Desmond", "Esmé", "Florian", "Greer", "Hugo", "Imogen", "Jasper",
    "Kaia", "Lorcan", "Mireille", "Nadia", "Orson", "Paloma", "Rosalind", "Sable",
    "Thaddeus", "Una", "Vesper", "Willa", "Yara", "Zephyr", "Aurélie", "Cédric",
    "François", "Gaël", "Hélène", "Jérôme", "Maëlle", "Raphaël", "Sébastien",
  ]

  /// Family names, some with diacritics and some hyphenated.
  static let lastNames = [
    "Quill", "Venn", "Marchetti", "Hallberg", "Okafor", "Lindqvist", "Achebe",
    "Kealoha", "Finch", "Aydın", "Müller", "Núñez", "Åberg", "Dvořák", "Gómez",
    "Ibáñez", "Jönsson", "Løkke", "Pérez", "Sánchez", "Šimić", "Ashdown", "Beaumont",
    "Calloway", "Delacroix", "Everhart", "Fairweather", "Gallagher", "Hartigan", "Ingram",
    "Jessop", "Kingsley", "Larkspur", "Montague", "Navarro", "Oyelaran", "Pemberton",
    "Quinlan", "Rosenthal", "Sterling", "Thackeray", "Underhill", "Valentine", "Whitlock",
    "Yardley", "Zamora", "Abernathy", "Blackwood", "Castellanos", "Drummond", "Ellery",
    "Fontaine", "Greenleaf", "Holloway", "Iverson", "Jardine", "Kowalczyk", "Lachance",
    "Mendoza", "Northcott", "Okonkwo", "Prescott", "Redgrave", "Salazar", "Tremblay",
    "Vasquez", "Winslow", "Okafor-Lindqvist", "Achebe-Grant", "Kealoha-Finch",
  ]

  /// The most used image credits, most frequent first; generated credits follow them.
  static let leadingCredits = [
    "Getty Images", "Shutterstock", "YouTube", "Instagram", "AP Images", "MEGA",
    "Backgrid", "Splash News", "Everett Collection", "Alamy", "WireImage", "Avalon",
    "Rex Features", "Capital Pictures", "TikTok", "BFA", "PA Images", "Press Pool",
  ]

  /// Endings for generated agency credits (`Kalvo Pictures`).
  static let agencySuffixes = ["Pictures", "Media", "Photo", "Images", "Pix", "Studios"]

  static let titleVerbs = [
    "Reveals", "Debuts", "Shares", "Stuns In", "Confirms", "Announces", "Teases",
    "Celebrates", "Drops", "Wows In", "Dazzles In", "Flaunts", "Shows Off", "Talks",
  ]

  static let titleEvents = ["Premiere", "Screening", "Launch", "Party", "Gala", "Tour"]

  /// How a standfirst ends.
  static let dekClosers = [
    "Watch the video here!", "See the photos!", "Here’s everything we know.",
    "Find out more!", "Take a look!", "See the pics!", "Read on for the details.",
  ]

  /// Whom a quotation was said to.
  static let audiences = [
    "reporters", "fans", "the crowd", "the audience", "a radio host", "the magazine",
    "People", "Variety",
  ]

  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
  ]

  static let footer = "More From Our Partners"
}
