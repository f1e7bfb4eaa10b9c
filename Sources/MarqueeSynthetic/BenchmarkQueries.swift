extension SyntheticCorpus {
  /// The fixed query set that `marquee-bench` times and the tests check: each kind of
  /// query the search language has, over words at known points of the frequency curve.
  ///
  /// Fixed, not drawn from the corpus, so figures from different runs, sizes and
  /// machines time the same work. The pseudo-words sit at known ranks of the shared
  /// vocabulary (see `Vocabulary`; the tests pin them): `zubo` at 0, the most frequent,
  /// `wason` at 1,000, `porfol` at 5,000, `shudonou` at 20,000 and
  /// `shousbrousprioxfliond` at 49,999, the last (in about one article in 2,000).
  /// `quixotry` never occurs (no generated word has a `q`), to time a miss. Every query
  /// parses with `SearchQuery`.
  public static let benchmarkQueries: [String] = [
    // Single words, from the most common to absent.
    "the", "fans", "premiere", "album", "zubo", "wason", "porfol", "shudonou",
    "shousbrousprioxfliond", "quixotry",
    // Accent folding: Zoë, Søren, Ibáñez.
    "zoe", "soren", "ibanez",
    // Pairs (all words must match).
    "premiere album", "fans zubo", "album wason", "zoe marchetti",
    // Phrases.
    "\"red carpet\"", "\"music video\"", "\"box office\"", "\"told reporters\"",
    "\"for the first time\"", "\"behind the scenes\"",
    // Prefixes: narrow, then expanding to hundreds and to over a thousand terms.
    "prem*", "bra*", "kl*",
    // Field scopes.
    "title:premiere", "title:finale", "credit:\"getty images\"", "credit:shutterstock",
    "credit:courtesy", "caption:fans", "caption:zoe", "body:album",
    // OR, alone and with scopes.
    "oscar OR grammy", "premiere OR finale OR sequel", "title:premiere OR title:finale",
    // Exclusions.
    "premiere -sequel", "fans -\"red carpet\" -album", "credit:\"getty images\" -caption:zoe",
    // Digits are words.
    "2024", "\"june 10\"",
  ]
}
