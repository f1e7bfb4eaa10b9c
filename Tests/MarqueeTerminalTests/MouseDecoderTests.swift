import CNcursesw
import MarqueeUI
import Testing

@testable import MarqueeTerminal

/// Curses' mouse reports as the reader's events: presses at once, a double-click told by
/// a second press on the same cell within 0.4 s, the wheel as buttons 4 and 5.
@Suite("Mouse decoding")
struct MouseDecoderTests {
  @Test func aPressIsAClickAndASecondSoonOnTheSameCellIsADoubleClick() {
    var decoder = MouseDecoder()
    let press = cn_button1_pressed()
    #expect(
      decoder.decode(state: press, column: 5, row: 3, time: 10)
        == MouseEvent(.click, column: 5, row: 3))
    #expect(
      decoder.decode(state: press, column: 5, row: 3, time: 10.3)
        == MouseEvent(.doubleClick, column: 5, row: 3))
    // A third press starts again: a click.
    #expect(decoder.decode(state: press, column: 5, row: 3, time: 10.4)?.kind == .click)
    // Too late, or elsewhere: clicks.
    #expect(decoder.decode(state: press, column: 5, row: 3, time: 11)?.kind == .click)
    #expect(decoder.decode(state: press, column: 6, row: 3, time: 11.1)?.kind == .click)
  }

  @Test func theWheelScrollsAndOtherButtonsAreIgnored() {
    var decoder = MouseDecoder()
    #expect(
      decoder.decode(state: cn_button4_pressed(), column: 1, row: 2, time: 0)?.kind == .wheelUp)
    if cn_button5_pressed() != 0 {
      #expect(
        decoder.decode(state: cn_button5_pressed(), column: 1, row: 2, time: 0)?.kind == .wheelDown)
    }
    #expect(decoder.decode(state: 0, column: 1, row: 2, time: 0) == nil)
  }
}
