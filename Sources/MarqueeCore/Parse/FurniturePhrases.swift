/// What a line of site furniture is: the kinds `--explain` names and the labels use.
public enum FurnitureKind: String, Sendable, CaseIterable {
  case ad, related
  case teaserByline = "teaser-byline"
  case comment, share, follow, newsletter
  case subscribe, embed, navigation, tags, affiliate, signoff, licensing, footer, other
}

/// The site furniture pages wrap around a story, as data: phrases with their kind and how
/// they must match. A phrase decides a whole line (or the start of a short line), never a
/// sentence inside prose.
public enum FurniturePhrases {
  /// How a phrase must stand in a line; the raw values are the config file's names.
  public enum Match: String, Sendable, CaseIterable {
    /// The line is the phrase, give or take punctuation and spaces at its ends.
    case whole
    /// As `whole`, and the headline-like lines after it are links to other stories.
    case heading
    /// A short line starting with the phrase (`Popular on Site`, `More from Site`), then
    /// as `heading`.
    case headingPrefix = "heading-prefix"
    /// The line starts with the phrase followed by a non-letter (`Sign up for …`).
    case prefix
    /// The line starts with the phrase and a colon; the rest is a link (`RELATED: …`).
    case linkPrefix = "link-prefix"
    /// A short line holds the phrase anywhere (`… pick up the latest issue …`).
    case contains
  }

  public struct Phrase: Sendable, Equatable {
    public let phrase: String
    public let match: Match
    public let kind: FurnitureKind
  }

  private static func group(_ kind: FurnitureKind, _ match: Match, _ phrases: [String]) -> [Phrase]
  {
    phrases.map { Phrase(phrase: $0, match: match, kind: kind) }
  }

  /// Seen on celebrity weeklies, UK tabloids, trade papers, wires, blogs and listicles.
  public static let table: [Phrase] =
    group(
      .ad, .whole,
      [
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "paid content",
        "paid post", "promoted", "promoted content", "story continues below advertisement",
        "story continues below", "article continues below advertisement",
        "article continues below", "continue reading below", "continue reading the main story",
        "content continues below", "scroll to continue with content", "skip ad",
        "advertisement - scroll to continue", "ad feature",
      ])
    + group(.ad, .headingPrefix, ["a message from", "sponsored by", "presented by", "paid for by"])
    + group(
      .related, .heading,
      [
        "read next", "read more", "related", "related stories", "related articles",
        "related content", "related posts", "related links", "related coverage",
        "related video", "related videos", "related gallery", "related news", "more stories",
        "more news", "more on this story", "more from", "most popular", "most read",
        "most viewed", "popular now", "popular stories", "recommended",
        "recommended for you", "recommended stories", "recommended reading", "trending",
        "trending now", "trending stories", "you may also like", "you might also like",
        "you may like", "must read", "must watch", "don't miss", "editors' picks",
        "editor's picks", "top stories", "also read", "see also", "more like this", "up next",
        "watch next", "further reading", "in case you missed it", "photos", "videos",
        "gallery", "read", "more", "also on", "latest", "latest news", "latest stories",
        "more from our partners", "more from our network", "around the web",
        "from our partners", "before you go, we thought you'd like these",
        "before you go", "promoted stories", "more to explore", "keep reading",
      ])
    + group(
      .related, .linkPrefix,
      [
        "related", "read more", "more", "see also", "also read", "read", "read next", "watch",
        "photos", "video", "related video", "related videos", "related gallery",
        "related story", "related article", "related link", "must read", "don't miss",
        "listen", "see", "see pics", "pics", "gallery", "quiz", "poll", "recommended",
        "trending", "in pictures", "read also", "more news", "click here", "related coverage",
      ])
    + group(
      .related, .prefix,
      [
        "see more of the latest", "click here to read",
        "for more coverage of", "for more on this story",
      ])
    + group(
      .related, .headingPrefix,
      [
        "see the most-read stories", "read more on", "read more from", "popular on", "more from",
        "more on", "trending on",
        "latest from", "also on", "must read", "most popular on", "more stories from",
        "more news from", "recommended from", "sponsored stories",
      ])
    + group(
      .navigation, .whole,
      [
        "next", "previous", "prev", "next slide", "previous slide", "next photo",
        "previous photo", "next image", "previous image", "next page", "previous page",
        "back to top", "photo", "image", "enlarge", "click to enlarge", "enlarge this image",
        "toggle caption", "hide caption", "show caption", "expand", "close", "view slideshow",
        "launch gallery", "start slideshow", "view all", "see all", "load more", "show more",
        "play video", "watch video", "play", "replay", "fullscreen", "skip", "view image",
        "view photo", "open gallery", "see gallery", "click through the gallery", "listen",
        "newer post", "older post", "home", "newer posts", "older posts", "back",
        "click through to see all the looks", "swipe", "scroll down for video",
      ])
    + group(
      .navigation, .prefix,
      [
        "click through the gallery", "click through to see", "scroll down for", "swipe to see",
        "scroll through the gallery", "click through the slideshow", "see the gallery",
      ])
    + group(
      .share, .whole,
      [
        "share", "share this", "share this article", "share this story", "share this post",
        "tweet", "email", "print", "pin", "pin it", "whatsapp",
        "facebook twitter email", "facebook twitter pinterest", "share on facebook",
        "share on twitter", "copy link", "link copied", "share or comment on this article",
        "share via email", "share this with", "shares", "bookmark", "like this", "email this",
        "save article", "save story", "gift this article",
      ])
    + group(
      .share, .prefix,
      [
        "click to share on", "share this article with", "share this story with",
        "share this:", "share on", "share or comment on this article", "share article",
        "share to",
      ])
    + group(
      .comment, .whole,
      [
        "comments", "comment", "leave a reply", "leave a comment", "add a comment",
        "view comments", "post a comment", "join the conversation", "show comments",
        "load comments", "discussion", "view all comments", "add your comment",
      ])
    + group(
      .comment, .prefix,
      [
        "leave a reply", "you must be logged in to post a comment",
        "your email address will not be published", "comments are closed",
        "join the discussion", "we moderate comments",
      ])
    + group(.follow, .whole, ["follow", "follow us", "following"])
    + group(
      .follow, .prefix,
      [
        "follow us on", "follow us:", "follow us at", "like us on facebook", "follow @",
        "for the latest news, follow us", "for more news, follow us", "find us on",
        "connect with us on",
      ])
    + group(
      .newsletter, .prefix,
      [
        "sign up for", "sign up to", "subscribe to our newsletter", "get our newsletter",
        "never miss a story", "get the latest", "stay up to date", "don't miss a beat",
        "join our newsletter", "enter your email", "want more celebrity", "want more stories",
        "love this story? sign up", "get push notifications", "get celebrity news",
      ])
    + group(
      .newsletter, .whole,
      ["newsletter", "newsletters", "sign up", "subscribe to our newsletter", "get the newsletter"]
    )
    + group(.newsletter, .contains, ["our newsletter", "sign up now for", "newsletter packed"])
    + group(
      .subscribe, .prefix,
      [
        "subscribe now", "subscribe to", "subscribe for", "become a member", "already a subscriber",
        "to unsubscribe", "thanks for reading", "support our journalism",
      ]
    )
    + group(.subscribe, .whole, ["subscribe", "unsubscribe", "subscribe now"])
    + group(
      .other, .prefix,
      [
        "got a story", "have a story", "do you have a story", "tip us", "send us a tip",
        "email us at", "contact us at", "we pay for",
      ])
    + group(
      .subscribe, .contains,
      [
        "pick up the latest issue", "pick up the new issue", "pick up a copy", "on stands now",
        "on newsstands now", "on newsstands friday", "subscribe now to", "on sale now!",
      ])
    + group(
      .embed, .prefix,
      [
        "view this post on instagram", "view this photo on instagram",
        "view this video on instagram", "a post shared by", "a photo posted by",
        "a video posted by", "a photo shared by", "a video shared by", "view on instagram",
        "view on twitter", "see this instagram post", "watch on youtube", "view more on",
        "view this profile on instagram", "embed from getty images", "— view on",
      ])
    + group(.embed, .contains, ["pic.twitter.com/", "instagram.com/p/"])
    + group(
      .tags, .linkPrefix,
      [
        "tags", "tagged", "topics", "filed under", "categories", "category", "related topics",
        "keywords", "more on", "posted in", "labels",
      ])
    + group(
      .affiliate, .contains,
      [
        "we may earn a commission", "we may receive a commission", "contains affiliate links",
        "if you buy something through", "we earn a commission", "affiliate commission",
        "products are independently selected", "independently selected by our editors",
        "as an amazon associate", "may receive compensation",
      ])
    + group(
      .signoff, .prefix,
      [
        "(reporting by", "reporting by", "editing by", "additional reporting by", "writing by",
        "compiled by", "source:", "sources:", "this story has been corrected",
        "this story has been updated", "this article was originally published",
        "this story originally appeared", "originally published", "read the original article",
        "this article originally appeared", "a version of this story", "from the editors of",
        "this story is from the", "correction:", "(additional reporting by", "(editing by",
        "(writing by",
      ])
    + group(
      .signoff, .contains,
      [
        "contributed to this report", "contributed to this story", "contributed reporting",
        "contributed to this article",
      ])
    + group(
      .licensing, .prefix,
      [
        "copyright", "©", "(c) 20", "all rights reserved", "this material may not be",
        "not to be licensed", "no wall decor", "may not be reproduced", "for editorial use only",
        "editorial use only", "strictly editorial use", "purchase licensing rights",
      ])
    + group(.licensing, .contains, ["all rights reserved", "may not be published, broadcast"])

  /// Buttons of a share bar, when two or more stand in a row (with platform names).
  static let shareButtons: Set<String> = [
    "email", "email this", "print", "share", "tweet", "whatsapp", "reddit", "linkedin", "sms",
    "flipboard", "copy link", "blogthis!", "pin", "pin it", "messenger", "more", "comments",
    "bookmark", "save", "gift article", "x",
  ]

  /// Lines that open a run of links: a bullet that marks each link (`► May 8: …`).
  static let linkBullets: Set<Character> = ["►", "▶", "»", "→"]

  /// The longest line a `prefix` or `contains` phrase may decide: longer is prose.
  static let maximumFurnitureLine = 320

  /// How many lines an advertiser's heading (`A Message from X`) takes after it, in its
  /// own block.
  static let maximumLinesAfterAdHeading = 2

  /// The most headlines standing alone in a row that are read as orphaned links: more
  /// make a list that belongs to the story.
  static let maximumOrphanHeadlines = 3
  /// The most words a heading that starts with a phrase may have (`A Message from
  /// American Family Insurance`, `Popular on Site`).
  static let maximumHeadingWords = 10
  /// Words a headline never ends with (a line cut mid-sentence does).
  static let danglingWords: Set<String> = [
    "for", "of", "and", "the", "to", "a", "an", "in", "on", "with", "as", "at", "by", "from",
    "that", "which", "who", "or", "but", "his", "her", "their",
  ]

  /// Hard-wrapped text (mail, wires, saved pages) keeps its lines under about 80
  /// columns: a block with a longer line has a paragraph to a line.
  static let longestHardWrappedLine = 100

  /// The most lines a mail signature or list footer takes, after its `--` or rule of
  /// underscores, to the end of the post: a longer tail is the post itself.
  static let longestSignature = 12

  /// How many headline lines a related heading may take after it.
  static let maximumLinksAfterHeading = 12
  /// The longest line taken as a linked headline.
  static let maximumHeadlineLength = 170

  // MARK: Comment prompts

  /// Phrases that ask readers to answer, anywhere in a short line that is not a quote
  /// (`HollywoodLifers, … Tell us below!`, `Sound off in the comments`). A quotation may
  /// follow them on the line (`… let us know in the comments. The source said, "…"`).
  static let commentPromptPhrases = [
    "let us know", "tell us what you think", "tell us in the comments", "tell us your thoughts",
    "tell us how you feel", "tell us below", "tell us!", "tell us,", "tell us:", "tell us —",
    "tell us -", "tell us if you", "tell us which", "tell us who", "sound off",
    "comment below", "comments below", "share your thoughts", "your thoughts below",
    "drop a comment", "chime in", "vote below", "vote in our poll", "take our poll",
    "we want to hear", "we'd love to hear", "tweet us", "let us hear", "weigh in below",
  ]

  /// Phrases that also describe comments in a story (`Gomez responded in the comments
  /// section: “…”`): prompts only in a line with no quotation at all.
  static let commentMentionPhrases = [
    "in the comments", "in the comment section", "in the comment box", "comment section",
    "comments section", "leave a comment", "hit the comments",
  ]

  /// Questions to readers that prompt only when the line opens with them (after an
  /// optional `Name, ` or `So, `) and ends as a question.
  static let readerQuestionOpenings = [
    "what do you think", "what do you guys think", "what do y'all think", "do you think",
    "are you team", "do you agree", "do you believe", "are you excited", "will you be watching",
    "which do you", "who do you think", "how do you feel",
  ]

  /// How far from the end (in blocks) a question to readers may stand: interviews ask
  /// their subject `Do you think…?` all the way through.
  static let readerQuestionWithinLastBlocks = 3

  /// Calls to act on the site itself (`Sign up now for…`, `Just hit 'Like' on our
  /// page`, `Check back with us for updates`), when they open a sentence.
  static let promoVerbs = [
    "sign up", "subscribe", "follow", "hit 'like'", "hit ‘like’", "download", "check out",
    "check back", "click", "tap", "join", "read our", "see our", "watch our", "listen to our",
    "get our", "get the",
  ]
  /// What a promo asks the reader to act on.
  static let promoObjects = [
    "newsletter", "channel", "our page", "facebook page", "our app", "podcast", "youtube",
    "facebook", "twitter", "instagram", "tiktok", "updates", "news alerts", "timeline",
    "our site", "our website", "latest news", "for more", "for all the latest", "on amazon",
  ]
  /// The most text that may come before a promo's sentence on its line: a promo glued
  /// to the end of a long paragraph leaves the line to the story.
  static let maximumTextBeforePromo = 60
  /// Words that may come before a promo's verb (`Just hit…`, `Don't forget to check…`).
  static let promoLeads = [
    "just ", "don't forget to ", "don’t forget to ", "be sure to ", "make sure to ", "please ",
    "why not ", "you can ", "now ",
  ]

  /// The longest line taken as a comment prompt.
  static let maximumCommentPrompt = 420

  // MARK: Bylines and dates

  /// Openings of a byline: `By X`, `Written by X`, `Posted by X`.
  static let bylineOpenings = [
    "by", "written by", "words by", "story by", "posted by", "reported by", "text by",
  ]

  /// Capitalised words that open a sentence after `By`, not a name (`By Then, …`).
  static let notNames: Set<String> = [
    "the", "now", "then", "far", "contrast", "comparison", "default", "design", "chance",
    "law", "way", "all", "no", "this", "that", "these", "those", "a", "an", "some", "most",
  ]

  /// Words that make a short line under a byline a staff line (`Senior Film Reporter`).
  static let staffWords: Set<String> = [
    "writer", "editor", "reporter", "correspondent", "contributor", "critic", "columnist",
    "producer", "staff", "journalist", "editor-at-large", "director", "contributing",
  ]

  /// Words before a date that say what the date is (`Published: …`, `Updated on …`).
  static let dateLabels = [
    "first published on", "first published:", "first published", "last updated on",
    "last updated:", "last updated", "published on", "published:", "published",
    "updated on", "updated:", "updated", "posted on", "posted:", "posted", "modified:",
    "date:", "originally published", "on",
  ]

  /// Reading-time and similar notes that follow an author's name (`· 4 min read`).
  static let readingTimeWords = ["min read", "mins read", "minute read", "minutes read"]

  /// How many story lines may come before an article's own byline or date: later ones
  /// belong to teasers, quotes or updates.
  static let bylineWithinLines = 6
}
