import MarqueeCore
import Testing

@testable import MarqueeUI

/// Coming back where the reader was, and earlier searches on the query line.
@Suite("Places and search history")
struct RememberingTests {
  static let size = Size(columns: 120, rows: 12)

  /// A reader that restores `place` and then receives the sample articles in two
  /// batches, with `keys` typed before the second.
  private func restored(_ place: ReadingPlace?, searches: [String] = [], keys: [Key] = [])
    -> ReaderState
  {
    var state = ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus())
    state.restore(place, searches: searches, marks: MarkBook())
    state = updated(state, .resize(Self.size))
    state = updated(
      state, .articlesArrived(SearchIndex.prepare([Sample.noImages], after: 0), filesRead: 1))
    for key in keys { state = updated(state, .key(key)) }
    state = updated(
      state,
      .articlesArrived(
        SearchIndex.prepare([Sample.premiere, Sample.cjk], after: 1), filesRead: 3))
    return updated(state, .loadingFinished(LoadReport()))
  }

  /// Where a reader is after opening the premiere story and paging down once.
  private var placeAfterReading: ReadingPlace {
    var state = updated(
      ReaderState(articles: [Sample.noImages, Sample.premiere, Sample.cjk], size: Self.size),
      .resize(Self.size))
    for key in [Key.character("j"), .enter, .character(" ")] { state = updated(state, .key(key)) }
    #expect(state.detailTop > 0)
    return state.place!
  }

  @Test func theArticleAndItsPositionComeBackWhenTheyArrive() throws {
    let place = placeAfterReading
    #expect(place.path == MarkBook.absolute(Sample.premiere.path) && place.articleOpen)
    #expect(place.block > 0 || place.offset > 0, "paged down: \(place)")
    let state = restored(place)
    #expect(state.selectedArticle?.title == Sample.premiere.title)
    #expect(state.focus == .detail)
    #expect(state.place == place, "the same reading position")
  }

  @Test func quittingBeforeThePlaceIsRestoredKeepsIt() {
    let place = placeAfterReading
    var state = ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus())
    state.restore(place, searches: [], marks: MarkBook())
    state = updated(state, .resize(Self.size))
    state = updated(
      state, .articlesArrived(SearchIndex.prepare([Sample.noImages], after: 0), filesRead: 1))
    #expect(state.selectedArticle?.title == Sample.noImages.title, "not arrived yet")
    #expect(state.place == place)
  }

  @Test func aKeyBeforeTheArticleArrivesKeepsTheUsersChoice() {
    let state = restored(placeAfterReading, keys: [.character("j")])
    #expect(state.focus == .list)
    #expect(state.selection == 0)
  }

  @Test func theSearchComesBackAndTheArticleAmongItsHits() {
    var place = placeAfterReading
    place.search = "premiere"
    place.articleOpen = false
    let state = restored(place)
    #expect(state.search?.query == "premiere")
    #expect(state.listedArticles.map(\.title) == [Sample.premiere.title])
    #expect(state.selectedArticle?.title == Sample.premiere.title)
    #expect(state.focus == .list)
  }

  @Test func enterKeepsASearchInTheHistoryAndTheArrowsRecallIt() {
    var state = updated(ReaderState(articles: Sample.trio, size: Self.size), .resize(Self.size))
    for search in ["harbor", "quiet", "harbor"] {
      for key in [.character("/"), .control("u")] + keys(search) + [.enter] {
        state = updated(state, .key(key))
      }
    }
    #expect(state.searchHistory == ["quiet", "harbor"], "a repeat moves to the end")
    for key in [Key.character("/"), .control("u")] + keys("glass") {
      state = updated(state, .key(key))
    }
    state = updated(state, .key(.up))
    #expect(state.search?.query == "harbor")
    state = updated(state, .key(.up))
    #expect(state.search?.query == "quiet")
    state = updated(state, .key(.up))
    #expect(state.search?.query == "quiet", "nothing older")
    state = updated(state, .key(.down))
    state = updated(state, .key(.down))
    #expect(state.search?.query == "glass", "past the newest: what was typed")
    #expect(state.listedArticles.map(\.title) == [Sample.premiere.title], "and its hits")
  }

  @Test func aRememberedSearchIsRecalledToo() {
    var state = restored(nil, searches: ["older", "newer"])
    state = updated(state, .key(.character("/")))
    state = updated(state, .key(.up))
    #expect(state.search?.query == "newer")
  }
}
