import KopsShell
import Testing

@Suite struct TableRendererTests {
    /// A messages-like table: a long id, free text, a status that never shrinks, a count.
    static let messages = Table(
        columns: [
            Column("ID", truncation: .middle),
            Column("TEXT"),
            Column("STATUS", truncation: .never),
            Column("COUNT", truncation: .never, alignRight: true),
        ],
        rows: [
            [
                StyledText("wamid.HBgLMTQxNTU1NTAxNDIV"), StyledText("Hi, order A-1042 still hasn't arrived"),
                StyledText("read", style: .good), StyledText("12"),
            ],
            [StyledText("wamid.short"), StyledText("ok"), StyledText("failed", style: .bad), StyledText("3")],
        ]
    )

    @Test(
        "tables fit the terminal by shrinking the widest shrinkable columns",
        arguments: [
            (
                nil,
                [
                    "ID                          TEXT                                   STATUS  COUNT",
                    "wamid.HBgLMTQxNTU1NTAxNDIV  Hi, order A-1042 still hasn't arrived  read       12",
                    "wamid.short                 ok                                     failed      3",
                ]
            ),
            (
                80,
                [
                    "ID                          TEXT                                   STATUS  COUNT",
                    "wamid.HBgLMTQxNTU1NTAxNDIV  Hi, order A-1042 still hasn't arrived  read       12",
                    "wamid.short                 ok                                     failed      3",
                ]
            ),
            (
                70,
                [
                    "ID                          TEXT                         STATUS  COUNT",
                    "wamid.HBgLMTQxNTU1NTAxNDIV  Hi, order A-1042 still has…  read       12",
                    "wamid.short                 ok                           failed      3",
                ]
            ),
            (
                50,
                [
                    "ID                TEXT               STATUS  COUNT",
                    "wamid.HB…TAxNDIV  Hi, order A-1042…  read       12",
                    "wamid.short       ok                 failed      3",
                ]
            ),
            (
                29,
                [
                    "ID      TEXT    STATUS  COUNT",
                    "wam…IV  Hi, o…  read       12",
                    "wam…rt  ok      failed      3",
                ]
            ),
            (
                10,
                [
                    "ID      TEXT    STATUS  COUNT",
                    "wam…IV  Hi, o…  read       12",
                    "wam…rt  ok      failed      3",
                ]
            ),
        ] as [(Int?, [String])]
    )
    func fitting(width: Int?, expected: [String]) {
        let lines = TableRenderer(width: width, color: false).render(Self.messages)
        #expect(lines == expected)
        if let width {
            #expect(lines.allSatisfy { TextWidth.displayWidth($0) <= max(width, 29) })
        }
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test(
        "cells shorten at the tail or in the middle",
        arguments: [
            (Column.Truncation.tail, 8, "abcdefg…"),
            (.tail, 12, "abcdefghijkl"),
            (.tail, 11, "abcdefghij…"),
            (.middle, 7, "abc…jkl"),
            (.middle, 8, "abcd…jkl"),
            (.middle, 11, "abcde…hijkl"),
            (.never, 6, "abcdefghijkl"),
        ] as [(Column.Truncation, Int, String)]
    )
    func truncation(truncation: Column.Truncation, width: Int, expected: String) {
        let table = Table(columns: [Column("X", truncation: truncation)], rows: [[StyledText("abcdefghijkl")]])
        #expect(TableRenderer(width: width, color: false).render(table) == ["X", expected])
    }

    @Test(
        "wide characters count two columns and are never split",
        arguments: [
            (nil, ["NAME            ID", "中文字符テスト  a", "ab              b"]),
            (12, ["NAME      ID", "中文字…   a", "ab        b"]),
            (13, ["NAME       ID", "中文字符…  a", "ab         b"]),
        ] as [(Int?, [String])]
    )
    func wideCharacters(width: Int?, expected: [String]) {
        let table = Table(
            columns: [Column("NAME"), Column("ID", truncation: .never)],
            rows: [[StyledText("中文字符テスト"), StyledText("a")], [StyledText("ab"), StyledText("b")]]
        )
        #expect(TableRenderer(width: width, color: false).render(table) == expected)
    }

    @Test("right-aligned columns pad on the left, header included")
    func rightAlignment() {
        let table = Table(
            columns: [Column("NAME"), Column("MESSAGES", alignRight: true), Column("NOTE")],
            rows: [
                [StyledText("Dana"), StyledText("5"), StyledText("")],
                [StyledText("Lee"), StyledText("1204"), StyledText("x")],
            ]
        )
        #expect(
            TableRenderer(width: nil, color: false).render(table) == [
                "NAME  MESSAGES  NOTE",
                "Dana         5",
                "Lee       1204  x",
            ])
    }

    @Test(
        "colour wraps only the cell text and only when enabled",
        arguments: [
            (
                false,
                ["STATUS   ID", "active   1", "failed   2", "pending  3", "old      4", "total    5", "plain    6"]
            ),
            (
                true,
                [
                    "STATUS   ID",
                    "\u{1B}[32mactive\u{1B}[0m   1",
                    "\u{1B}[31mfailed\u{1B}[0m   2",
                    "\u{1B}[33mpending\u{1B}[0m  3",
                    "\u{1B}[2mold\u{1B}[0m      4",
                    "\u{1B}[1mtotal\u{1B}[0m    5",
                    "plain    6",
                ]
            ),
        ] as [(Bool, [String])]
    )
    func colour(color: Bool, expected: [String]) {
        let styles: [(String, Style)] = [
            ("active", .good), ("failed", .bad), ("pending", .warn), ("old", .dim), ("total", .bold), ("plain", .plain),
        ]
        let table = Table(
            columns: [Column("STATUS"), Column("ID")],
            rows: styles.enumerated().map { [StyledText($1.0, style: $1.1), StyledText("\($0 + 1)")] }
        )
        #expect(TableRenderer(width: 80, color: color).render(table) == expected)
    }

    @Test("a coloured last column has no padding after the reset")
    func colourLastColumn() {
        let table = Table(
            columns: [Column("S")], rows: [[StyledText("ok", style: .good)], [StyledText("failed", style: .bad)]])
        #expect(
            TableRenderer(width: nil, color: true).render(table) == [
                "S", "\u{1B}[32mok\u{1B}[0m", "\u{1B}[31mfailed\u{1B}[0m",
            ])
    }

    @Test(
        "edge cases",
        arguments: [
            (Table(columns: [Column("ID"), Column("STATUS")], rows: []), ["ID  STATUS"]),
            (
                Table(columns: [Column("A"), Column("B"), Column("C")], rows: [[StyledText("x")], []]),
                ["A  B  C", "x", ""]
            ),
            (
                Table(columns: [Column("TEXT")], rows: [[StyledText("line 1\nline 2\t\u{1B}[31mred  ")]]),
                ["TEXT", "line 1 line 2 \\x1b[31mred"]
            ),
        ] as [(Table, [String])]
    )
    func edgeCases(table: Table, expected: [String]) {
        #expect(TableRenderer(width: 40, color: true).render(table) == expected)
    }

    @Test(
        "display width",
        arguments: [
            ("", 0), ("abc", 3), ("中文", 4), ("ｱ", 1), ("Ａ", 2), ("한국", 4), ("e\u{301}", 1), ("\u{301}", 0),
            ("😀", 2), ("👨‍👩‍👧", 2), ("🇺🇸", 2), ("❤", 1), ("❤️", 2), ("1️⃣", 2), ("a\u{200B}b", 2), ("…", 1),
        ] as [(String, Int)]
    )
    func displayWidth(text: String, expected: Int) {
        #expect(TextWidth.displayWidth(text) == expected)
    }
}
