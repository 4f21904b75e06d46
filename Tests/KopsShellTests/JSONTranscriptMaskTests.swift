import KapsoClient
@testable import KopsShell
import Testing

/// tester47 L3: a JSON-mode transcript's block was no JSON once masked: a learned coordinate is masked as text wherever
/// it appears, so `"latitude": 37.7749` became `"latitude": <body 17>` and `jq` failed on the block.
@Suite struct JSONTranscriptMaskTests {
    @Test func aMaskedValueOutsideAStringBecomesAString() throws {
        let masked = """
            {
              "location": {
                "latitude": <body 17>,
                "longitude":<body 16> ,
                "name": "<body 15>, at \\"<body 3>\\"",
                "n": [1415•••0171, -2.5e3, true, null, <redacted>]
              },
              "count": 2
            }

            """
        let fixed = PIIMasker.quotingBareMasks(masked)
        let parsed = try JSONValue.parse(Array(fixed.utf8))
        #expect(parsed["location"]?["latitude"]?.string == "<body 17>")
        #expect(parsed["location"]?["longitude"]?.string == "<body 16>")
        #expect(parsed["location"]?["name"]?.string == "<body 15>, at \"<body 3>\"")
        #expect(parsed["count"] == .number("2"))
        #expect(fixed.contains("\"latitude\": \"<body 17>\",\n") && fixed.contains("[\"1415•••0171\", -2.5e3, true, null, \"<redacted>\"]"), "\(fixed)")
        // JSON that is JSON already is left byte for byte.
        let valid = "{\n  \"body\": \"<body 1>\",\n  \"latitude\": 1\n}\n"
        #expect(PIIMasker.quotingBareMasks(valid) == valid)
    }
}
