import KapsoDiagnostics
import Testing

/// tester49 F9: a signature tried against several secrets (a rotation's old and new) names the one that matches, and
/// blames a secret only when none does.
@Suite struct SignatureCheckSecretChoiceTests {
    static let unexplained = SignatureCheck.unexplained + "; common causes: the secret is wrong"

    @Test func theFirstMatchingSecretIsNamed() {
        #expect(SignatureCheck.SecretChoice(verdicts: [nil]) == .matched(index: 0, count: 1))
        #expect(SignatureCheck.SecretChoice(verdicts: [Self.unexplained, nil]) == .matched(index: 1, count: 2))
        #expect(
            SignatureCheck.SecretChoice(verdicts: [nil, Self.unexplained])?.note == "the 1st of the 2 secrets given matches")
        #expect(
            SignatureCheck.SecretChoice(verdicts: [Self.unexplained, nil])?.note
                == "the 2nd of the 2 secrets given matches; the 1st does not")
        #expect(
            SignatureCheck.SecretChoice(verdicts: [Self.unexplained, Self.unexplained, nil, Self.unexplained])?.note
                == "the 3rd of the 4 secrets given matches; the 1st and 2nd do not")
    }

    @Test func noneMatchingSaysSoOnceOrNamesTheSecretWithACause() {
        #expect(
            SignatureCheck.SecretChoice(verdicts: [Self.unexplained, Self.unexplained])
                == .noneMatched(cause: "none of the 2 secrets given matches: " + Self.unexplained))
        let spaced = "the secret has whitespace around it (as pasted or as stored); without it the signature matches"
        #expect(
            SignatureCheck.SecretChoice(verdicts: [Self.unexplained, spaced])
                == .noneMatched(cause: "none of the 2 secrets given matches as given; with the 2nd: " + spaced))
        #expect(SignatureCheck.SecretChoice(verdicts: [Self.unexplained, spaced])?.note == nil)
        #expect(SignatureCheck.SecretChoice(verdicts: []) == nil)
    }
}
