import KapsoClient
@testable import KapsoDiagnostics
import KopsTestSupport
import Testing

/// Session 63's readings of a message's status keys answer as the ones before them (docs/performance.md, "Session 63"):
/// a WAMID's key read from its bytes when they are ASCII (`StatusHistory.asciiKeyBounds`), and the first copies of a
/// history's statuses compared one by one when they are few (`StatusHistory.FirstCopies`).
@Suite struct Perf63StatusKeysTests {
    /// Ids made of the pieces a WAMID's key is cut from: the prefix in any case, padding, every ASCII whitespace (CR LF
    /// too), bytes next to whitespace that are not (0x1C, 0x08), and bytes past ASCII (read by `Character` as before).
    @Test func aWAMIDsKeyIsReadAsByCharacter() {
        let pieces = [
            "wamid.", "WAMID.", "WaMiD.", "wamid", ".", "=", "==", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}",
            "\u{08}", "HBgLMTQx", "A", "z", "é", "\u{A0}", "\u{301}", "wamid.\u{301}", "\u{2028}",
        ]
        var random = SplitMix(seed: 6301)
        var fast = 0
        for _ in 0..<20_000 {
            let id = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            if StatusHistory.asciiKeyBounds(id) != nil { fast += 1 }
            #expect(String(StatusHistory.messageKey(id)) == String(StatusHistory.messageKeyByCharacter(id)), "\(Array(id.unicodeScalars))")
        }
        // Both readings were compared many times.
        #expect(fast > 5_000 && fast < 19_000)
    }

    /// `FirstCopies` gives, for every key, what a dictionary assigned the same keys in the same order gives, below and
    /// above the count it keeps a dictionary from.
    @Test func firstCopiesAnswerAsADictionary() {
        let values: [JSONValue?] = [nil, .string("wamid.A"), .string("wamid.B"), .string("read"), .number("1"), .null, .array([])]
        var random = SplitMix(seed: 6302)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 40)
            var copies = StatusHistory.FirstCopies(count: count)
            var reference: [[JSONValue?]: (timed: Bool, index: Int)] = [:]
            for index in 0..<count {
                let key = (0..<3).map { _ in values[Int(random.next() % UInt64(values.count))] }
                let found = copies[key]
                #expect(found?.timed == reference[key]?.timed && found?.index == reference[key]?.index)
                if random.next() % 3 != 0 {
                    let value = (timed: random.next() % 2 == 0, index: index)
                    copies[key] = value
                    reference[key] = value
                }
            }
        }
    }

    /// A history with copies of its statuses counts them as before, with few statuses and with more than are compared
    /// one by one.
    @Test func copiesAreCountedWithFewAndManyStatuses() throws {
        for count in [2, 3, StatusHistory.FirstCopies.compared, StatusHistory.FirstCopies.compared + 1, 40] {
            let statuses = (0..<count).map { index -> JSONValue in
                // Three distinct statuses, each stored again and again; one without an id is kept each time.
                let kind = ["sent", "delivered", "read"][index % 3]
                var object: JSONObject = ["status": .string(kind), "timestamp": .string(String(1_795_259_894 + index % 3))]
                if index % 5 != 4 { object["id"] = .string("wamid.HBgL") }
                return .object(object)
            }
            let history = StatusHistory(statuses: .array(statuses), sentAt: 1_795_259_890, messageID: "wamid.HBgL")
            let withoutID = (0..<count).filter { $0 % 5 == 4 }.count
            let distinctWithID = Set((0..<count).filter { $0 % 5 != 4 }.map { $0 % 3 }).count
            #expect(history.events.count == distinctWithID + withoutID, "\(count)")
            #expect(history.repeatedCount == count - withoutID - distinctWithID, "\(count)")
        }
    }
}
