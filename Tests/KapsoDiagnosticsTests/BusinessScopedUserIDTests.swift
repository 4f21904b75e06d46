import KapsoDiagnostics
import Testing

@Suite struct BusinessScopedUserIDTests {
    @Test(arguments: [
        "US.13491208655302741918", "BR.1502576394655843", "US.ENT.11815799212886844830", "HK.abc123",
        "US." + String(repeating: "9", count: 128),
    ])
    func documentedShapes_AreBSUIDs(_ text: String) {
        #expect(BusinessScopedUserID.isValid(text))
        #expect(IDInput.read(text) == .success(.businessScopedUserID(text)))
    }

    @Test(arguments: [
        "us.13491208655302741918", "USA.1349", "US.", "US.ENT.", "US..1", "US.1349 1208", "US.1349-1208", ".1349",
        "US." + String(repeating: "9", count: 129), "US.ENT.X.1", "14155550142",
    ])
    func otherTexts_AreNot(_ text: String) {
        #expect(!BusinessScopedUserID.isValid(text))
    }

    @Test func parent_CarriesENT() {
        #expect(BusinessScopedUserID.isParent("US.ENT.11815799212886844830"))
        #expect(!BusinessScopedUserID.isParent("US.13491208655302741918"))
    }
}
