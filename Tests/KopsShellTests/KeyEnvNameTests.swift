import KopsShell
import Testing

/// probe29 P29-22: what a value given as the key's variable name is; a key's text is never read as a mistyped name.
@Suite struct KeyEnvNameTests {
    @Test(arguments: ["KAPSO_API_KEY", "ACME_KEY2", "_K", "K"])
    func aNameIsAName(value: String) {
        #expect(KeyEnvName.read(value) == .name)
    }

    @Test(arguments: [
        ("$KAPSO_API_KEY", "KAPSO_API_KEY", 1), ("${KAPSO_API_KEY}", "KAPSO_API_KEY", 1), ("KAPSO-API-KEY", "KAPSO_API_KEY", 1),
        ("KAPSO_API_KEY ", "KAPSO_API_KEY", 1), ("\tACME_KEY", "ACME_KEY", 1), (" $ACME-KEY2 ", "ACME_KEY2", 4),
        ("KAPSO API KEY", "KAPSO_API_KEY", 1),
    ])
    func aMistypedNameNamesTheNameMeant(value: String, meant: String, faults: Int) {
        guard case .mistyped(let found, let name) = KeyEnvName.read(value) else {
            Issue.record("\(value) was not read as a mistyped name: \(KeyEnvName.read(value))")
            return
        }
        #expect(name == meant)
        #expect(found.count == faults, "\(found)")
    }

    /// Keys, and text that is no name at all, stay "a literal secret": never echoed as a name.
    @Test(arguments: [
        "kapso_live_abcdef", "AB12-CD34-EF56-GH78", "$AB12CD34EF56", "1BAD", "", "$", "sk_live_123", "KAPSO_API_KEY!",
        "  ", "X9F2-K8L1",
    ])
    func aKeyIsNotAName(value: String) {
        #expect(KeyEnvName.read(value) == .secret)
    }
}
