import KapsoClient
import KapsoDiagnostics
import Testing

/// tester68b N3: the sending number's digits, whose calling code Meta prepends to a `to` without `+`: Kapso's normalized
/// number, else the display number when it is written in international form with an unambiguous calling code.
@Suite struct N3SenderDigitsTests {
    static func number(normalized: String?, display: String?) throws -> PhoneNumber {
        var json: JSONObject = ["id": .string("100200300400504")]
        if let normalized { json["display_phone_number_normalized"] = .string(normalized) }
        if let display { json["display_phone_number"] = .string(display) }
        return try PhoneNumber(json: json)
    }

    @Test(arguments: [
        ("442079460100", "+44 20 7946 0100", "442079460100"),
        ("", "+44 20 7946 0100", "442079460100"),
        ("", "+1 415-555-0100", "14155550100"),
        ("", "+442079460100", "442079460100"),
        // National form, a trunk 0 kept after the code, a first group that is not the code, nothing at all: unknown.
        ("", "020 7946 0100", nil),
        ("", "+44 (0) 20 7946 0100", nil),
        ("", "+4420 7946 0100", nil),
        ("", "", nil),
    ] as [(String, String, String?)])
    func n3DigitsFromTheDisplayNumberOnlyWhenUnambiguous(_ normalized: String, _ display: String, _ expected: String?) throws {
        #expect(PrependedRecipient.senderDigits(of: try Self.number(normalized: normalized, display: display)) == expected)
    }
}
