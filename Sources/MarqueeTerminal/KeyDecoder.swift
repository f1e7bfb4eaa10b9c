import CNcursesw
import MarqueeUI

/// What one `wget_wch` result means to the reader.
enum DecodedInput: Sendable, Hashable {
  case key(Key)
  /// ncurses saw SIGWINCH and has already resized its windows.
  case resize
  /// A mouse event waits: `getmouse` says what it is.
  case mouse
}

/// Turns what `wget_wch` returns into a `Key`. Pure, so every mapping is tested without a
/// terminal; the `Terminal` only feeds it.
enum KeyDecoder {
  /// `status` is `wget_wch`'s return value: `OK` when `value` is a character,
  /// `KEY_CODE_YES` when it is a curses key code. Anything else (`ERR`) is no input.
  /// Returns nil for input the reader has no use for, which the caller skips.
  static func decode(status: Int32, value: UInt32) -> DecodedInput? {
    switch status {
    case OK:
      return character(value).map(DecodedInput.key)
    case KEY_CODE_YES:
      return keyCode(Int32(bitPattern: value))
    default:
      return nil
    }
  }

  /// A character as typed. Under `raw()` control keys arrive as C0 bytes; the few with a
  /// key of their own (Tab = ^I, Enter = ^M or ^J, Backspace = ^H or DEL, Esc = ^[) come
  /// out as that key, the other letters as `.control`.
  static func character(_ value: UInt32) -> Key? {
    switch value {
    case 0x09:
      return .tab
    case 0x0A, 0x0D:
      return .enter
    case 0x08, 0x7F:
      return .backspace
    case 0x1B:
      return .escape
    case 0x01...0x1A:
      return Unicode.Scalar(0x60 + value).map { .control(Character($0)) }
    case 0x00, 0x1C...0x1F, 0x80...0x9F:
      // Ctrl-@, Ctrl-\ … Ctrl-_ and C1 controls: nothing a reader binds.
      return nil
    default:
      // Unicode.Scalar rejects surrogates and values past U+10FFFF.
      return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }

  /// A curses key code. Keypad keys (A1 = Home, C1 = End, A3 = PgUp, C3 = PgDn) and the
  /// VT220 Find/Select keys, which some terminfo entries give Home and End, mean the
  /// same as the keys they stand for.
  static func keyCode(_ code: Int32) -> DecodedInput? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE, KEY_A3: return .key(.pageUp)
    case KEY_NPAGE, KEY_C3: return .key(.pageDown)
    case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
    case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_RESIZE: return .resize
    case KEY_MOUSE: return .mouse
    case cn_key_f(1)...cn_key_f(63): return .key(.function(Int(code - cn_key_f(0))))
    default: return nil
    }
  }
}
