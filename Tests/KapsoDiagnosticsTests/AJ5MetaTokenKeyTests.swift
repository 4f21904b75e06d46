import KapsoDiagnostics
import Testing

/// tester61 AJ5: a Meta access token (`EAA…`) given as the Kapso API key was sent to the API host and named only after
/// its 401, while a webhook secret (`whsec_…`) is withheld. It is refused before sending by the same prefix test; a
/// shorter `EAA…` value, no Meta token, is sent as any key.
@Suite struct AJ5MetaTokenKeyTests {
    @Test(arguments: ["EAAGm0PX4ZCpsBAKZBqwertyuiop", "EAAB" + String(repeating: "ZCZBZA7ZB0", count: 18)])
    func aMetaAccessTokenIsRefusedBeforeSending(value: String) throws {
        let problem = try #require(APIKeyShape.problem(in: value))
        #expect(problem == .metaAccessToken)
        #expect(problem.what == "is a Meta access token (EAA...), not a Kapso project API key")
        #expect(problem.fix.contains("nothing was sent") && problem.fix.contains("Kapso dashboard, API keys"))
        #expect(!(problem.what + problem.fix).contains(String(value.dropFirst(3).prefix(8))))
    }

    @Test(arguments: ["EAAGm0PX4ZCpsBA", "EAA", "eaagm0px4zcpsbakzbqwertyuiop", "xEAAGm0PX4ZCpsBAKZBqwertyuiop"])
    func aValueThatIsNoMetaTokenIsSent(value: String) {
        #expect(APIKeyShape.problem(in: value) == nil)
    }
}
