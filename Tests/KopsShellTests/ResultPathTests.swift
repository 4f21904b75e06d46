import KapsoClient
import KopsShell
import Testing

@Suite struct ResultPathTests {
    let json: JSONValue = [
        "status": "degraded",
        "checks": ["webhook_verified": ["passed": false]],
        "data": [["id": "a1", "count": 3], ["id": "b2", "count": 12]],
        "events": ["messages", "statuses"],
    ]

    @Test(arguments: [
        (".status", "\"degraded\""), (".checks.webhook_verified.passed", "false"), (".data[1].id", "\"b2\""),
        (".data | length", "2"), (".data[0]", "{\"id\":\"a1\",\"count\":3}"),
    ])
    func reads(_ path: String, _ expected: String) throws {
        #expect(try ResultPath(path).value(in: json)?.serialized() == expected)
    }

    @Test func missingStepsAreNil() throws {
        #expect(try ResultPath(".data[5].id").value(in: json) == nil)
        #expect(try ResultPath(".nope.deeper").value(in: json) == nil)
    }

    @Test(arguments: ["status", ".data[x]", ".data | count", ".a..b"])
    func rejectsMalformedPaths(_ path: String) {
        #expect(throws: ScriptError.self) { try ResultPath(path) }
    }

    @Test(arguments: [
        (".status", Comparison.equal, "degraded", true), (".status", .notEqual, "healthy", true),
        (".data[1].count", .greater, "9", true), (".data[1].count", .less, "9", false),
        (".data | length", .equal, "2", true), (".events", .contains, "messages", true),
        (".status", .contains, "grad", true), (".checks", .contains, "webhook_verified", true),
        (".checks.webhook_verified.passed", .equal, "false", true), (".nope", .exists, "", false),
        (".status", .exists, "", true),
    ])
    func compares(_ path: String, _ comparison: Comparison, _ value: String, _ holds: Bool) throws {
        #expect(comparison.holds(try ResultPath(path).value(in: json), value) == holds)
    }
}
