/// What the parser looks photo sources and furniture phrases up in: the tables of
/// `PhotoSources` and `FurniturePhrases` made into the structures the line rules search
/// (by spelling, by a line's first bytes, by hashes of words), with a user's
/// `LayoutAdditions` or without.
///
/// Every rule that asks whether a word names a source or a line holds a phrase asks
/// these, handed down from `ArticleParser`: an added entry counts everywhere a built-in
/// one does, and no rule has a second path for additions. Building takes a moment, so it
/// happens once (`builtIn`, at the first parse) or once per load (`adding`), never per
/// file; with no additions a load uses `builtIn` itself.
public final class ParserTables: Sendable {
  let sources: PhotoSources.Lookup
  let creditScreen: CreditScreen.Tables
  let furniture: Furniture.Tables
  let phrases: PhraseIndex

  /// The built-in tables alone.
  public static let builtIn = ParserTables(
    sources: PhotoSources.table, furniture: FurniturePhrases.table)

  /// The built-in tables with `additions`, which come first: where an added entry shares
  /// a spelling or a phrase with a built-in one, the user's entry decides.
  public static func adding(_ additions: LayoutAdditions) -> ParserTables {
    guard !additions.isEmpty else { return builtIn }
    return ParserTables(
      sources: additions.sources + PhotoSources.table,
      furniture: additions.furniture + FurniturePhrases.table)
  }

  private init(sources: [PhotoSources.Source], furniture: [FurniturePhrases.Phrase]) {
    self.sources = PhotoSources.Lookup(sources)
    creditScreen = CreditScreen.Tables(sources: sources)
    self.furniture = Furniture.Tables(phrases: furniture, sources: sources)
    phrases = PhraseIndex(furniture: self.furniture.containingPhrases.map(\.phrase))
  }
}
