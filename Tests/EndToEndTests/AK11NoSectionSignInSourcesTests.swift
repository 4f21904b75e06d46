import Testing

/// tester62 AK11: strings a user sees cited bare sections ("(§10.2)", "§10.4") of the project's notes, which users do not
/// have. No string in `Sources/` holds "§" now: a public standard is cited as "RFC 9110 section 15.6.4", a Kapso fact by
/// its docs URL; comments may keep citing the contract.
@Suite struct AK11NoSectionSignInSourcesTests {
    @Test func noStringAUserSeesHoldsASectionSign() throws {
        let found = try AH10UserFacingCitationTests.userFacingCitations(of: "§")
        #expect(found.isEmpty, "\(found.count) user-facing strings hold '§':\n\(found.joined(separator: "\n"))")
    }
}
