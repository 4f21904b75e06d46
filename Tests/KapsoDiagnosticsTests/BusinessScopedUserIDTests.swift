import KapsoDiagnostics
import Testing

@Suite struct BusinessScopedUserIDTests {
    @Test(arguments: [
        "US.13491208655302741918", "BR.1502576394655843", "US.ENT.11815799212886844830", "HK.abc123",
        "US." + String(repeating: "9", count: 128),
        // Meta's page's own examples (probe26 P26-14): `user.` and up to 256 letters and digits.
        "user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6", "user." + String(repeating: "a", count: 256),
    ])
    func documentedShapes_AreBSUIDs(_ text: String) {
        #expect(BusinessScopedUserID.isValid(text))
        #expect(IDInput.read(text) == .success(.businessScopedUserID(text)))
    }

    @Test(arguments: [
        "us.13491208655302741918", "USA.1349", "US.", "US.ENT.", "US..1", "US.1349 1208", "US.1349-1208", ".1349",
        "US." + String(repeating: "9", count: 129), "US.ENT.X.1", "14155550142",
        "user.", "user.93 73", "user." + String(repeating: "a", count: 257), "User.9373", "user.9373.1",
    ])
    func otherTexts_AreNot(_ text: String) {
        #expect(!BusinessScopedUserID.isValid(text))
    }

    @Test func parent_CarriesENT() {
        #expect(BusinessScopedUserID.isParent("US.ENT.11815799212886844830"))
        #expect(!BusinessScopedUserID.isParent("US.13491208655302741918"))
    }
}
