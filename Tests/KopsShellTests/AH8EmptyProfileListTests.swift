import Foundation
import KopsTestSupport
import Testing

/// tester60 AH8: `profile list` without profiles printed a bare table header (`NAME  API  KEY FROM  NUMBER`) above
/// "no profiles yet": only the line is said.
@Suite struct AH8EmptyProfileListTests {
    @Test func noProfilesIsOneLine() async throws {
        let run = try await runDemo(["profile list"], number: nil)[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(said.contains("no profiles yet; add one with 'profile add NAME --base-url URL --key-env VAR'"), "\(said)")
        #expect(!said.contains("KEY FROM"), "\(said)")
    }
}
