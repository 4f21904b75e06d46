import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// Session 63's work on `messages --all --output json` and the replay answers as the readings before it
/// (docs/performance.md, "Session 63"): an NDJSON page's line ends found eight bytes at a time (`AddedMember.spliced`),
/// curl's `-u` looked for from one `-` to the next (`CurlUserCredentials.mayOccur`), and a result not laid out as
/// text where the text's test cannot answer (`Shell.showClearingCellsByText`).
@Suite struct Perf63JSONListTests {
    /// `AddedMember.spliced` before this session, spelled out.
    static func referenceSpliced(_ lines: [UInt8], members: [[UInt8]], printable: Bool) -> (lines: [UInt8], printable: Bool)? {
        var output: [UInt8] = []
        var printable = printable
        var start = 0
        var index = 0
        for (position, byte) in lines.enumerated() where byte == UInt8(ascii: "\n") {
            guard index < members.count, position - start >= 2, lines[start] == UInt8(ascii: "{"),
                lines[position - 1] == UInt8(ascii: "}")
            else { return nil }
            output.append(contentsOf: lines[start..<(position - 1)])
            if position - start > 2 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: members[index])
            output.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
            if printable { printable = members[index].withUnsafeBufferPointer(ByteWords.allPrintableASCIIWithoutBackslash) }
            index += 1
            start = position + 1
        }
        guard index == members.count, start == lines.count else { return nil }
        return (output, printable)
    }

    @Test func linesAreSplicedAsBefore() {
        // Lines of every length around the eight-byte steps, some not objects, some pages cut, members printable or not.
        let lines = ["{}", "{\"id\":\"1\"}", "{\"a\":\"xxxxxxxxxxxxxxxxxxx\"}", "{", "}", "x", "", "{\"é\":1}", "{\"b\":[1,2]}"]
        let members = ["\"kops\":{}", "\"kops\":{\"status\":\"read\"}", "\"kops\":\"é\"", "\"kops\":\"a\\\\b\""]
        var random = SplitMix(seed: 6303)
        var spliced = 0
        for _ in 0..<8_000 {
            let count = Int(random.next() % 6)
            var page = Array((0..<count).map { _ in lines[Int(random.next() % UInt64(lines.count))] + "\n" }.joined().utf8)
            if !page.isEmpty, random.next() % 8 == 0 { page.removeLast(Int(1 + random.next() % UInt64(page.count))) }
            let memberCount = random.next() % 6 == 0 ? Int(random.next() % 6) : count
            let added = (0..<memberCount).map { _ in Array(members[Int(random.next() % UInt64(members.count))].utf8) }
            let printable = random.next() % 4 != 0
            let expected = Self.referenceSpliced(page, members: added, printable: printable)
            let answer = AddedMember<Never>.spliced(page, members: added, printable: printable)
            if expected != nil { spliced += 1 }
            #expect(answer?.lines == expected?.lines && answer?.printable == expected?.printable, "\(String(decoding: page, as: UTF8.self))")
        }
        #expect(spliced > 1_000)
    }

    /// `CurlUserCredentials.mayOccur` before this session, spelled out: every byte visited.
    static func referenceCurlUser(_ bytes: [UInt8]) -> Bool {
        func isBefore(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(")
        }
        func isLongFlag(_ index: Int) -> Bool {
            ["--user", "--proxy-user"].contains { flag in
                let flag = Array(flag.utf8)
                return index + flag.count <= bytes.count && (0..<flag.count).allSatisfy { bytes[index + $0] == flag[$0] }
            }
        }
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "-"), index == 0 || isBefore(bytes[index - 1]) else { continue }
            let next = bytes[index + 1]
            guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") || isLongFlag(index) else { continue }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A { end += 1 }
            var value = end
            while value < bytes.count, bytes[value] == 0x20 || bytes[value] == 0x09 { value += 1 }
            while value < bytes.count, bytes[value] != 0x20, bytes[value] != 0x09, bytes[value] != 0x0A {
                if bytes[value] == UInt8(ascii: ":") { return true }
                value += 1
            }
            for colon in index..<end where bytes[colon] == UInt8(ascii: ":") { return true }
        }
        return false
    }

    @Test func curlUserFlagsAreFoundAsBefore() {
        let pieces = ["-", "--", "-u", "-U", "--user", "--proxy-user", "--us", "=", ":", "a", "admin", " ", "\t", "\n", "'", "(", "x-y", "é"]
        var random = SplitMix(seed: 6304)
        var found = 0
        for _ in 0..<20_000 {
            let text = Array((0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
            let expected = Self.referenceCurlUser(text)
            if expected { found += 1 }
            #expect(text.withUnsafeBufferPointer { CurlUserCredentials.mayOccur(in: $0) } == expected, "\(String(decoding: text, as: UTF8.self))")
        }
        #expect(found > 500)
    }

    /// `showClearingCellsByText` gives up before laying a result out in any mode but `table` or at a width: there the
    /// text's reading says its cells are not shown as they are, whatever the result.
    @Test func onlyATableWithoutWidthIsShownAsItsCells() {
        let result = CommandResult(blocks: [.table(Table(columns: [Column("A")], rows: [[StyledText("x")]]))], jsonText: "{\"a\":1}")
        for mode in OutputMode.allCases {
            for width in [nil, 80] as [Int?] {
                var shown = TableRenderer.ShownCells()
                _ = Renderer(mode: mode, width: width).text(result, cellsShown: &shown)
                if mode != .table || width != nil { #expect(!shown.asTheyAre, "\(mode) \(String(describing: width))") }
            }
        }
    }
}
