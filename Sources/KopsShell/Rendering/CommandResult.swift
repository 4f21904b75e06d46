public import KapsoClient

/// What a command produced, as a structured value: renderers, `--output json`, `assert` and
/// transcripts all read this one value.
public struct CommandResult: Sendable {
    /// The human view, in order: headlines, tables, field lists, hints.
    public var blocks: [Block]
    /// The API's JSON behind the result (a single page or object), for `--output json` and `assert`.
    public var json: JSONValue?
    /// The exit status after showing the result, e.g. `.failure` when `webhooks check` found an error.
    public var status: ExitStatus = .ok
    /// Why `status` fails when no error says so, in one line without the command's name: `100200300400502 is degraded
    /// (messaging_health, webhook_verified)`, `found 2 errors`. A script that stops at the line names it with its
    /// `FILE:LINE` (probe38 P38-17); nil for a result that does not fail, or when its output is the only reason given.
    public var failure: String?
    /// A secret the user asked to see (`webhooks get --reveal-secret`, a generated one): the terminal shows it,
    /// transcripts and other sinks still mask it.
    public var revealedSecret: String?

    /// JSON already written out, printed as it is in JSON mode instead of `json`: a piece of a list streamed
    /// page by page (`--all`), whose `json` holds only that page's items.
    public var jsonText: String?
    /// True when `jsonText` passed the tests of the shell's redactor and of the terminal sanitizer as it is
    /// (`Redactor.printsAsIs`, with the redactor the shell holds as the result is shown): the shell writes it
    /// without testing it again.
    var jsonTextCleared = false

    public init(blocks: [Block] = [], json: JSONValue? = nil, jsonText: String? = nil) {
        self.blocks = blocks
        self.json = json
        self.jsonText = jsonText
    }

    /// A result that shows one plain line.
    public static func line(_ text: String, style: Style = .plain, json: JSONValue? = nil) -> CommandResult {
        CommandResult(blocks: [.line(StyledText(text, style: style))], json: json)
    }
}

/// One piece of a command's human view.
public enum Block: Sendable, Equatable {
    /// A line of text, possibly styled.
    case line(StyledText)
    /// A table whose columns are fitted to the terminal width.
    case table(Table)
    /// `label: value` pairs, one per line, labels aligned.
    case fields([Field])
    /// A line of data shown exactly (a payload body): never wrapped, since a terminal's soft wrap is copied as
    /// the same bytes while an inserted line break is not; controls are still shown as escapes.
    case data(String)
    /// A command to type (a fix's `webhooks create --url … --events …`), never wrapped for the same reason as `data`: a
    /// command wider than the terminal runs past its edge, and copied from the soft-wrapped line it is one command again.
    case command(String)
    /// A finding's fix under `  fix: ` (`webhooks check`), laid out by the renderer (`FixLayout`): at a terminal narrower
    /// than a line of it, each command to type on a line of its own; in pipes and transcripts one line per part, so what
    /// a transcript holds does not depend on the terminal it was recorded at (tester58b AE2).
    case fix(String)
    /// A hint about what to do next (e.g. "showing 20 (more: next)"); dimmed on a TTY.
    case hint(String)
    /// Help text (`help`, `help COMMAND`, a topic): its paragraphs reflowed to the terminal's width, and to
    /// `HelpText.defaultWidth` (80) without one, so pipes and transcripts read the same at any terminal (`HelpText`).
    case help(String)
}

/// Text with one style, e.g. a status word drawn green or red on a colour terminal.
public struct StyledText: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// The few meanings colour conveys; NO_COLOR and non-TTY output ignore them.
public enum Style: Sendable, Equatable {
    case plain, good, bad, warn, dim, bold
}

/// A labelled value in a `.fields` block.
public struct Field: Sendable, Equatable {
    public var label: String
    public var value: StyledText
    /// True for a value whose line breaks are its text (a message's content: a body, a caption): each starts a new line
    /// under the value column. Any other value is one line, as a `.line` block is: a line break in it (server text such
    /// as a file name, a template's or a flow's name, an error's title) is shown as an escape (`\x0a`), so it cannot
    /// start a line of its own that reads as kops's (tester59b AG13, the kind of tester59 AF13's forged `verdict:`).
    public var multiLine: Bool

    public init(_ label: String, _ value: String, style: Style = .plain, multiLine: Bool = false) {
        self.label = label
        self.value = StyledText(value, style: style)
        self.multiLine = multiLine
    }
}

/// Rows of cells under named columns.
public struct Table: Sendable, Equatable {
    public var columns: [Column] { didSet { measured = nil } }
    public var rows: [[StyledText]] { didSet { measured = nil } }
    /// False for the pages after the first of a streamed list (`--all`), so the header shows once.
    public var showsHeader = true
    /// Columns at least this wide (display columns, by index) before fitting: a streamed list keeps its earlier
    /// pages' widths, so columns stay aligned down the list unless a later cell is wider.
    public var minimumWidths: [Int] = []
    /// The number of the first row's `-[ RECORD n ]-` in expanded form: a streamed list numbers on from its last page.
    public var firstRecordNumber = 1
    /// When the table cannot show every cell whole on the terminal, its last column (a sentence that truncation
    /// would make useless) is wrapped on indented lines under each row; while the rest does not fit or an id
    /// column would still be cut, `dropsWhenNarrow` columns are left out, then `movesBelowWhenNarrow` columns
    /// go under the row too.
    /// Expanded only when even that cannot fit. `errors`: one row per cause with its meaning below, so the
    /// demo's causes fit on one screen.
    public var detailBelowWhenTooWide = false
    /// On a later page of a list (`next`): how its first page was laid out, which this page keeps at the same width.
    public var keptLayout: ListLayout?
    /// Each cell as `TableRenderer.measure` found it, for `render` to use instead of measuring the cells again; any
    /// change to `columns` or `rows` drops it.
    var measured: MeasuredCells?

    public init(columns: [Column], rows: [[StyledText]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// How a list's page was laid out on a terminal `width` columns wide: whether its `belowWhenNarrowerThan` column went
/// under its rows for room. `next` lays the list's later pages out the same at that width (session 36: at 80 columns
/// `messages` moved CONTENT to its own line on a page with a wider STATUS or TYPE cell, so `next` pages of one list looked
/// unlike the first).
public struct ListLayout: Sendable, Equatable {
    public var width: Int
    public var belowForRoom: Bool

    public init(width: Int, belowForRoom: Bool) {
        self.width = width
        self.belowForRoom = belowForRoom
    }
}

/// What `TableRenderer.measure` learnt of a table's cells, header first, `columns.count` a row (a missing cell is 0):
/// each one's display width as shown, and whether it is shown as it is (else `TableRenderer.shown` makes its text).
///
/// A cache, not content: two tables are equal whatever their measurements.
struct MeasuredCells: Sendable, Equatable {
    var widths: [Int]
    var asIs: [Bool]
    /// True when the cells were redacted before they were measured (a streamed page, `ListStream`), so the shell need
    /// not test them again; dropped with the measurements by any change to the cells.
    var cellsRedacted = false

    static func == (_: MeasuredCells, _: MeasuredCells) -> Bool { true }
}

/// A table column: its header and how it may shrink when the terminal is narrow.
public struct Column: Sendable, Equatable {
    /// How a too-long cell in this column is shortened.
    public enum Truncation: Sendable, Equatable {
        /// Never shortened (short values: statuses, counts, times).
        case never
        /// Cut at the end with `…` (free text).
        case tail
        /// Cut in the middle with `…`, keeping both ends (ids, URLs).
        case middle
    }

    public var header: String
    public var truncation: Truncation
    /// Right-aligned (numbers).
    public var alignRight: Bool
    /// Shortened only after every other shrinkable column is at its minimum (a sentence worth reading whole).
    public var shrinksLast = false
    /// Left out at a narrow terminal when a table shows its detail below rows (`Table.detailBelowWhenTooWide`)
    /// and keeping it would cut another column.
    public var dropsWhenNarrow = false
    /// Shown under its row, whole, instead of cut, when a table shows its detail below rows.
    public var movesBelowWhenNarrow = false
    /// When a table shows its detail below rows and this column would be cut narrower than this many columns, it goes
    /// under its row on one line of its own (cut at the end there when still too long), so a message's text gets the
    /// terminal's width instead of a dozen columns beside wide ones (`messages` CONTENT at 80 columns, probe9 P9-23).
    public var belowWhenNarrowerThan: Int? = nil
    /// Drawn at a terminal only (`deliveries stats`' bars): left out of pipes and transcripts, which the renderer lays
    /// out without a width, so a transcript holds the same table wherever it was recorded (tester58b AE2).
    public var terminalOnly = false

    public init(_ header: String, truncation: Truncation = .tail, alignRight: Bool = false) {
        self.header = header
        self.truncation = truncation
        self.alignRight = alignRight
    }
}
