import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// The shaped-credential reading of an NDJSON page that skips the members repeating the line above's
/// (`RepeatedMembers`, `ShapedCredentials.mayOccur(in:orColonEndsHeaderOrURL:skipping:)`) answers as the reading of every
/// byte: a member is skipped only where each reading in it reads it and its two delimiters alone.
@Suite struct RepeatedMembersTests {
    static let keys = ["id", "url", "note", "v", "a", "n", "webhook_url", "status", "phone_number_id"]
    /// Keys a reading acts on (a credential header or a secret's name, a label), rarer.
    static let secretKeys = ["password", "api_key", "token", "key", "headers", "authorization", "x-api-key", "secret", "Key"]
    /// Mostly pieces that need nothing; then pieces each reading acts on, some of them of the length of a plain one
    /// (`sk_live_1234567890ab`, `xx_xxxx_1234567890ab`), so that a member equal to the one above in length only differs.
    static let plain = [
        "ok", "x", "", "1", "2026-11-21T11:55:50Z", "hooks.acme-demo.test/kapso/whatsapp", "https://hooks.acme-demo.test/kapso",
        "whatsapp.message.sent", "xx_xxxx_1234567890ab", "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012", "api", "key", ".", "-", "_",
        ":", "=", "?", "&", "%", "/", "//", "%2", "(", "'", "Bearer", "eyJ", "SG", "ya29", "EA", "whsec", "<redacted>",
    ]
    static let marked = [
        "sk_live_1234567890ab", "https://hooks.slack.com/services/T0/B0/XYZ", "hooks.slack.com/services/T0/B0/XYZ",
        "3f9a8b7c6d5e4f3a2b1cQ", "EAAGm0PX4ZCpsBA", "whsec_abc123def456", "%3D", "%3A%2F%2F", "%253A%252F%252F",
        "?access_token=", "&token=", "eyJhbGciOiJIUzI1NiJ9.x", "SG.abc", "ya29.x", "https://u:p@h.test", "%5F", "=hunter2x",
        ":hunter2x", "password=", "api_key:", "https://h.test/x?code=1", "a.slack.com/x",
    ]

    static func piece(_ generator: inout SplitMix) -> String {
        generator.next() % 50 == 0
            ? marked[Int(generator.next() % UInt64(marked.count))] : plain[Int(generator.next() % UInt64(plain.count))]
    }

    static func value(_ generator: inout SplitMix, depth: Int = 0) -> String {
        switch generator.next() % (depth > 0 ? 4 : 7) {
        case 0: return ["12", "-0.5", "null", "true", "4"][Int(generator.next() % 5)]
        case 1, 2, 3: return "\"" + (0..<(generator.next() % 4)).map { _ in piece(&generator) }.joined() + "\""
        case 4, 5: return "{" + members(&generator, count: Int(generator.next() % 3), depth: depth + 1).joined(separator: ",") + "}"
        default: return "[" + (0..<(generator.next() % 3)).map { _ in value(&generator, depth: depth + 1) }.joined(separator: ",") + "]"
        }
    }

    static func members(_ generator: inout SplitMix, count: Int, depth: Int = 0) -> [String] {
        (0..<count).map { _ in
            let key =
                switch generator.next() % 40 {
                case 0, 1: piece(&generator)
                case 2: secretKeys[Int(generator.next() % UInt64(secretKeys.count))]
                default: keys[Int(generator.next() % UInt64(keys.count))]
                }
            return "\"\(key)\":" + value(&generator, depth: depth)
        }
    }

    /// Lines each made from the line above: most members kept, some changed, dropped, added or moved; now and then a
    /// line that is no object.
    static func page(_ generator: inout SplitMix, lines: Int) -> [UInt8] {
        var line = members(&generator, count: 1 + Int(generator.next() % 8))
        var text = ""
        for _ in 0..<lines {
            for index in line.indices where generator.next() % 5 == 0 {
                line[index] = members(&generator, count: 1)[0]
            }
            switch generator.next() % 12 {
            case 0 where line.count > 1: line.remove(at: Int(generator.next() % UInt64(line.count)))
            case 1: line.insert(members(&generator, count: 1)[0], at: Int(generator.next() % UInt64(line.count + 1)))
            case 2 where line.count > 1: line.swapAt(0, line.count - 1)
            default: break
            }
            text += generator.next() % 40 == 0 ? value(&generator) : "{" + line.joined(separator: ",") + "}"
            text += "\n"
        }
        return Array(text.utf8)
    }

    @Test func theSkippingReadingAnswersAsTheWholeReading() {
        var generator = SplitMix(seed: 4949)
        var (found, clear, skippedMembers) = (0, 0, 0)
        for _ in 0..<6_000 {
            let bytes = Self.page(&generator, lines: 1 + Int(generator.next() % 12))
            bytes.withUnsafeBufferPointer { bytes in
                let repeated = RepeatedMembers.ranges(in: bytes)
                skippedMembers += repeated.count
                let whole = ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.headerAndFieldBytes)
                let skipping = ShapedCredentials.mayOccur(
                    in: bytes, orColonEndsHeaderOrURL: Redactor.headerAndFieldBytes, skipping: repeated)
                #expect(whole == skipping, "\(String(decoding: bytes, as: UTF8.self))")
                if whole { found += 1 } else { clear += 1 }
            }
        }
        // Both answers common, and many members skipped.
        #expect(found > 1_000 && clear > 1_000 && skippedMembers > 20_000, "found \(found), clear \(clear), skipped \(skippedMembers)")
    }

    /// The page test that skips repeated members (`Redactor.printsAsIs(lines:printableWithoutBackslash:)`) answers as the
    /// test of every byte, for redactors that know secrets which pages hold whole, cut to 8 characters, upper-cased, or
    /// across two members (`ok","v":"x`).
    @Test func theSkippingPageTestAnswersAsTheWholeOne() {
        let redactors = [
            Redactor(knownSecrets: [Secret("bench_key_0123456789")]),
            Redactor(knownSecrets: [Secret("ok\",\"v\":\"x"), Secret("a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012-very-long-secret")]),
            Redactor(),
        ]
        let pieces = ["bench_key_0123456789", "h_key_01", "BENCH_KEY_0123", "ok", "x", "-very-long-secret", "Ymvu"]
        var generator = SplitMix(seed: 4950)
        var (printed, refused) = (0, 0)
        for _ in 0..<4_000 {
            var text = String(decoding: Self.page(&generator, lines: 2 + Int(generator.next() % 10)), as: UTF8.self)
            // A piece of a secret in place of some plain piece.
            for _ in 0..<(generator.next() % 3) {
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                if let range = text.range(of: Self.plain[Int(generator.next() % 8) + 4]) { text.replaceSubrange(range, with: piece) }
            }
            let bytes = Array(text.utf8)
            for redactor in redactors {
                bytes.withUnsafeBufferPointer { bytes in
                    let whole = redactor.printsAsIs(bytes, printableWithoutBackslash: true)
                    #expect(redactor.printsAsIs(lines: bytes, printableWithoutBackslash: true) == whole, "\(text)")
                    if whole { printed += 1 } else { refused += 1 }
                }
            }
        }
        #expect(printed > 1_000 && refused > 1_000, "printed \(printed), refused \(refused)")
    }

    /// The stretches hold every byte outside the ranges and the `reach - 1` bytes on either side, and no other byte.
    @Test func theStretchesAreTheBytesOutsideTheRangesWidened() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 60)
            var ranges: [Range<Int>] = []
            var position = Int(generator.next() % 5)
            while position < count {
                let end = min(count, position + Int(generator.next() % 12))
                if end > position { ranges.append(position..<end) }
                position = end + 1 + Int(generator.next() % 6)
            }
            let reach = Int(generator.next() % 10)
            let stretches = RepeatedMembers.stretches(of: count, outside: ranges, reach: reach)
            let outside = (0..<count).filter { byte in !ranges.contains { $0.contains(byte) } }
            let expected = (0..<count).filter { byte in outside.contains { abs($0 - byte) <= max(reach - 1, 0) } }
            #expect(stretches.flatMap { Array($0) } == expected, "\(count) \(ranges) \(reach)")
        }
    }

    /// Each range is members in a row (key, `:`, value, `,` between them) of its line that equal, with the byte before
    /// and after them, the members at the same index of the line above, read apart with the parser.
    @Test func eachRangeIsAMemberEqualToTheOneAbove() throws {
        var generator = SplitMix(seed: 49)
        var checked = 0
        for _ in 0..<1_000 {
            let bytes = Self.page(&generator, lines: 2 + Int(generator.next() % 6))
            let ranges = bytes.withUnsafeBufferPointer { RepeatedMembers.ranges(in: $0) }
            var lineStarts = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
            for range in ranges {
                let line = try #require(lineStarts.lastIndex { $0 <= range.lowerBound })
                #expect(line > 0)
                let text = String(decoding: bytes[(range.lowerBound - 1)...range.upperBound], as: UTF8.self)
                let above = String(decoding: bytes[lineStarts[line - 1]..<(lineStarts[line] - 1)], as: UTF8.self)
                let this = String(decoding: bytes[lineStarts[line]..<(lineStarts[line + 1] - 1)], as: UTF8.self)
                // Lines the parser writes back as they are (no repeated key dropped) are read apart by it.
                guard Self.writtenBack(above), Self.writtenBack(this) else { continue }
                checked += 1
                // The range is members in a row: `{` + range + `}` is an object of theirs, equal to as many members of
                // the line above from the same index.
                let run = String(text.dropFirst().dropLast())
                let members = try #require(try JSONValue.parse(Array(("{" + run + "}").utf8)).object?.entries.count)
                let index = try #require(Self.memberIndex(of: range.lowerBound - lineStarts[line], in: this))
                let aboveMembers = Self.members(of: above)
                #expect(members >= 1 && index + members <= aboveMembers.count, "\(above) | \(this)")
                if members >= 1, index + members <= aboveMembers.count {
                    #expect(aboveMembers[index..<(index + members)].joined(separator: ",") == run, "\(above) | \(this)")
                }
                #expect(text.first == "{" || text.first == ",")
                #expect(text.last == "}" || text.last == ",")
            }
        }
        #expect(checked > 1_000, "\(checked)")
    }

    static func writtenBack(_ line: String) -> Bool {
        (try? JSONValue.parse(line))?.serialized() == line
    }

    /// The top-level members of an object's compact text, as written, read by the parser's values.
    static func members(of line: String) -> [String] {
        guard case .object(let object)? = try? JSONValue.parse(Array(line.utf8)) else { return [] }
        return object.entries.map { entry in
            JSONValue.string(entry.key).serialized() + ":" + entry.value.serialized()
        }
    }

    /// The index among the top-level members of the member that starts at byte `offset` of `line`.
    static func memberIndex(of offset: Int, in line: String) -> Int? {
        var written = 1
        for (index, member) in members(of: line).enumerated() {
            if written == offset { return index }
            written += member.utf8.count + 1
        }
        return nil
    }

    /// A page of deliveries as Kapso lists them, one of which (not the first) carries a credential in a member that
    /// repeats on every other line in length and shape: the page is not printed as received.
    @Test(arguments: [
        #""webhook_url":"https://hooks.slack.com/services/T0/B0/XYZ""#, #""webhook_url":"https://h.test/k?access_token=1234""#,
        #""webhook_id":"sk_live_0a1b2c3d4e5f4a6b8c7d9e0f""#, #""whatsapp_config_id":"whsec_0b1d4e2f8a3b5c6d7e8f9012""#,
        #""password":"a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012""#,
    ])
    func aCredentialInOneRepeatedMemberKeepsThePageFromBeingCleared(member: String) throws {
        let template = [
            #""id":"ID""#, #""event":"whatsapp.message.sent""#, #""status":"delivered""#, #""attempt_count":1"#,
            #""webhook_id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d""#, #""webhook_url":"https://hooks.acme-demo.test/kapso/whatsapp""#,
            #""whatsapp_config_id":"a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012""#, #""phone_number_id":"100200300400501""#,
        ]
        let position = template.firstIndex { member.hasPrefix($0.prefix(while: { $0 != ":" })) } ?? 4
        var generator = SplitMix(seed: UInt64(member.utf8.count))
        let marked = 1 + Int(generator.next() % 98)
        let items = (0..<100).map { index in
            var members = template
            members[0] = #""id":"item-\#(index)""#
            if index == marked { members[position] = member }
            return "{" + members.joined(separator: ",") + "}"
        }
        let (_, received) = try JSONValue.parseList(Array(#"{"data":[\#(items.joined(separator: ","))]}"#.utf8))
        let redactor = Redactor(knownSecrets: [Secret("bench_key_0123456789")])
        #expect(ListStream.clearedLines(received, redactor: redactor) == nil)
        // Without it, the page is cleared (so the test above tells the credential apart).
        let (_, plain) = try JSONValue.parseList(
            Array(#"{"data":[\#(items.enumerated().filter { $0.offset != marked }.map(\.element).joined(separator: ","))]}"#.utf8))
        #expect(ListStream.clearedLines(plain, redactor: redactor) != nil)
    }
}
