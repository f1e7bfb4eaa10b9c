import Testing

@testable import MarqueeCore

@Suite("Parsing the seed layout")
struct SeedLayoutTests {
  @Test func titleIsTheFirstLine() throws {
    let article = try parseArticle(galleryFixture)
    #expect(
      article.title
        == "Mara Quill’s Partner Tobias Venn Steps Out In Their New Video For ‘Paper Moons’: Watch")
  }

  @Test func dekIsTheFirstTextBlock() throws {
    let article = try parseArticle(galleryFixture)
    #expect(article.dek.hasPrefix("Mara Quill said the video"))
    #expect(article.dek.hasSuffix("See it here!"))
  }

  @Test func bodyHasTheParagraphsInOrderWithoutFooter() throws {
    let article = try parseArticle(galleryFixture)
    let starts = article.paragraphs.map { String($0.prefix(12)) }
    #expect(starts == ["Mara Quill, ", "“We filmed i", "In the video", "Fans have wa"])
    let everything = [article.title, article.dek] + article.paragraphs
    #expect(!everything.contains { $0.contains("More From Our Partners") })
  }

  @Test func galleryImageHasLabelCreditAndMark() throws {
    let article = try parseArticle(galleryFixture)
    try #require(article.images.count == 2)
    #expect(
      article.images[0]
        == ArticleImage(
          label: "Mara Quill Tobias Venn", caption: nil, credit: "YouTube", isGallery: true))
  }

  @Test func captionedImageSplitsCaptionAndVerbatimCredit() throws {
    let article = try parseArticle(galleryFixture)
    try #require(article.images.count == 2)
    #expect(
      article.images[1]
        == ArticleImage(
          label: "Mara Quill Tobias Venn",
          caption:
            "Mara Quill and Tobias Venn dance on a rooftop in the video for “Paper Moons,” released March 3, 2023.",
          credit: "YouTuub", isGallery: false))
  }

  @Test func imagesKeepTheirPlaceInTheBody() throws {
    let article = try parseArticle(galleryFixture)
    let shape = article.body.map { block -> String in
      if case .image(let index) = block { return "image\(index)" }
      return "text"
    }
    #expect(shape == ["image0", "text", "text", "image1", "text", "text"])
  }

  @Test func wordsAndReadingTime() throws {
    let article = try parseArticle("One two three\n\nfour — five\n\n\(words(460))")
    #expect(article.wordCount == 465)
    #expect(article.readingMinutes == 2)
    #expect(try parseArticle("Short").readingMinutes == 1)
  }

  private func words(_ count: Int) -> String {
    Array(repeating: "word", count: count).joined(separator: " ")
  }
}

@Suite("Title and front matter")
struct FrontMatterTests {
  @Test func leadingBlankLinesAreSkipped() throws {
    #expect(try parseArticle("\n\n  \nThe Title\n\nDek.").title == "The Title")
  }

  @Test func urlFirstLineIsTheSourceAndTheNextLineTheTitle() throws {
    let article = try parseArticle("https://example.com/a/b\nThe Title\n\nThe dek.\n\nBody.")
    #expect(article.sourceURL == "https://example.com/a/b")
    #expect(article.title == "The Title")
    #expect(article.dek == "The dek.")
    #expect(article.paragraphs == ["Body."])
  }

  @Test func urlInItsOwnBlock() throws {
    let article = try parseArticle("http://example.org/x\n\nThe Title\n\nThe dek.")
    #expect(article.title == "The Title")
    #expect(article.dek == "The dek.")
  }

  @Test func dateLineUnderTitleIsKeptApart() throws {
    let article = try parseArticle("The Title\n2017-08-24\nThe dek sentence.\n\nBody.")
    #expect(article.published == "2017-08-24")
    #expect(article.dek == "The dek sentence.")
  }

  @Test func noBlankLineUnderTitle() throws {
    let article = try parseArticle("The Title\nThe dek runs on.\n\nBody.")
    #expect(article.title == "The Title")
    #expect(article.dek == "The dek runs on.")
  }

  @Test func mailHeadersGiveTheSubjectAsTitle() throws {
    let text = """
      From: someone@example.org (Some One)
      Subject: Re: The finale was rushed
      Date: 21 Apr 1993 10:00:00 GMT
      Lines: 3

      I thought the last episode tied things up too fast.

      Second thought.
      """
    let article = try parseArticle(text)
    #expect(article.title == "Re: The finale was rushed")
    #expect(article.author == "Some One")
    #expect(article.date == "21 Apr 1993 10:00:00 GMT")
    #expect(article.published == "1993-04-21")
    #expect(article.dek == "I thought the last episode tied things up too fast.")
    #expect(article.paragraphs == ["Second thought."])
  }

  @Test func aTitleWithAColonIsNotMailHeaders() throws {
    let article = try parseArticle("Review: The Finale\nSubject: spoilers\n\nBody.")
    #expect(article.title == "Review: The Finale")
  }

  @Test func titleOnlyFileIsAnArticle() throws {
    let article = try parseArticle("Only A Title")
    #expect(article.title == "Only A Title")
    #expect(article.dek == "")
    #expect(article.body.isEmpty)
  }
}

@Suite("Credit lines")
struct CreditLineTests {
  @Test(arguments: [
    ("Image Credit: YouTube", "YouTube"),
    ("Photo Credit: Getty Images", "Getty Images"),
    ("Credit: Shutterstock", "Shutterstock"),
    ("Photo: Splash", "Splash"),
    ("(Photo Credit: Getty Images)", "Getty Images"),
    ("(Photo: Splash News)", "Splash News"),
    ("IMAGE CREDIT: Rex", "Rex"),
    ("photo credit : lowercase agency", "lowercase agency"),
  ])
  func creditLineVariants(line: String, credit: String) throws {
    let article = try parseArticle("Title\n\nDek.\n\nLabel Line\n\(line)\n\nBody.")
    #expect(article.images == [ArticleImage(label: "Label Line", caption: nil, credit: credit)])
    #expect(article.paragraphs == ["Body."])
  }

  @Test(arguments: [
    "Photos: a gallery", "Credits roll at nine.", "Photograph: none", "Credit:",
    "Photos: See All Of The Looks From The Longest Night Of The Year",
  ])
  func notCreditLines(line: String) throws {
    #expect(CreditGrammar.wholeLine(line, in: .builtIn) == nil)
  }

  @Test func linesAfterTheCreditAreText() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nLabel\nPhoto: Splash\nShe smiled for the cameras.")
    #expect(article.images.count == 1)
    #expect(article.paragraphs == ["She smiled for the cameras."])
  }

  @Test func teasersAreRelatedLinksNotImagesOrBody() throws {
    let text = """
      Title

      Dek.

      PHOTOS: Ten Looks From The Gala

      Label
      Photo: Splash
      RELATED: Another Story Entirely

      Body text.
      """
    let article = try parseArticle(text)
    #expect(
      article.relatedLinks == [
        "PHOTOS: Ten Looks From The Gala", "RELATED: Another Story Entirely",
      ])
    #expect(article.images.map(\.credit) == ["Splash"])
    #expect(article.paragraphs == ["Body text."])
  }
}

@Suite("Captioned and detached images")
struct CaptionTests {
  @Test func oneLineExplicitCreditIsAnImage() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nThe pair at the gala in 2015. (Photo Credit: Getty Images)\n\nBody.")
    #expect(
      article.images == [
        ArticleImage(label: nil, caption: "The pair at the gala in 2015.", credit: "Getty Images")
      ])
  }

  @Test func oneLineExplicitCreditFollowedByFullStop() throws {
    let article = try parseArticle("Title\n\nDek.\n\nSources say they argued (Photo: Splash News).")
    #expect(article.images.first?.caption == "Sources say they argued")
    #expect(article.images.first?.credit == "Splash News")
  }

  @Test func oneLineBareParenthesesStayAParagraph() throws {
    let article = try parseArticle("Title\n\nDek.\n\nThe show returns in May (Netflix)")
    #expect(article.images.isEmpty)
    #expect(article.paragraphs == ["The show returns in May (Netflix)"])
  }

  @Test func twoLineCaptionDropsCreditPrefix() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nAri Stone\nAri Stone waves to fans in Paris. (Photo Credit: Northlight)")
    #expect(
      article.images == [
        ArticleImage(
          label: "Ari Stone", caption: "Ari Stone waves to fans in Paris.", credit: "Northlight")
      ])
  }

  @Test func twoLineProseEndingInParenthesesIsNotAnImage() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nIn article <x@y> someone wrote\n> more text here (members only)")
    #expect(article.images.isEmpty)
  }

  @Test func detachedLabelJoinsTheCreditBelow() throws {
    let text = """
      Title

      Dek sentence.

      Ben Arlo Seraphine Arlo Splash

      (Photo Credit: Splash)

      Body.
      """
    let article = try parseArticle(text)
    #expect(
      article.images == [
        ArticleImage(label: "Ben Arlo Seraphine Arlo", caption: nil, credit: "Splash")
      ])
    #expect(article.paragraphs == ["Body."])
  }

  @Test func sentenceBlockIsNotADetachedLabel() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nThis is a sentence.\n\n(Photo Credit: Splash)\n\nBody.")
    #expect(article.images.first?.label == nil)
    #expect(article.paragraphs == ["This is a sentence.", "Body."])
  }
}

@Suite("Paragraphs and footers")
struct ParagraphTests {
  @Test func hardWrappedLinesJoin() throws {
    let article = try parseArticle("Title\n\nDek.\n\nOne line\nwraps onto\nthree.")
    #expect(article.paragraphs == ["One line wraps onto three."])
  }

  @Test func indentedLineStartsAParagraph() throws {
    let article = try parseArticle(
      "TITLE\n\nFirst paragraph\nwraps here.\n    Second starts\nand wraps.\n    Third.")
    #expect(article.dek == "First paragraph wraps here.")
    #expect(article.paragraphs == ["Second starts and wraps.", "Third."])
  }

  @Test func listItemsStaySeparate() throws {
    let article = try parseArticle("Title\n\nDek.\n\nIntro:\n- one\n- two\n• three\n* four")
    #expect(article.paragraphs == ["Intro:", "- one", "- two", "• three", "* four"])
  }

  @Test func manyBlankLinesSeparateOneBlock() throws {
    let article = try parseArticle("Title\n\n\n\n\nDek.\n\n\n\nBody.")
    #expect(article.dek == "Dek.")
    #expect(article.paragraphs == ["Body."])
  }

  @Test(
    arguments: FurniturePhrases.table.filter { $0.match == .whole || $0.match == .heading }
      .map(\.phrase))
  func furniturePhrasesAreDroppedWherever(phrase: String) throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nBody.\n\n\(phrase.uppercased())\n\nMore body.\n\n\(phrase)")
    #expect(article.paragraphs == ["Body.", "More body."])
  }

  @Test func furnitureWordsInsideASentenceStay() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nThe advertisement ran once, and the share price fell.\n\nBody.")
    #expect(
      article.paragraphs == ["The advertisement ran once, and the share price fell.", "Body."])
  }
}
