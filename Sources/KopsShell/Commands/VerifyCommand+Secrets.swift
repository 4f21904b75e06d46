internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Several secrets: a rotation's old and new, or two webhooks'

extension VerifyCommand {
    /// `check` with each secret given, in order (`verify --secret OLD --secret NEW`): valid with the first that matches,
    /// naming it (`SignatureCheck.SecretChoice`); an invalid signature only when none does (tester49 F9: the last
    /// --secret alone was checked, and a right first one was called "the secret is wrong"). One secret is `check` as is.
    static func check(
        _ pastedSignature: String, secrets: [String], meta: Bool, stop: Stop, body loadBody: () throws -> Body
    ) throws -> CommandResult {
        guard secrets.count > 1 else {
            return try check(pastedSignature, secretText: secrets.first ?? "", meta: meta, stop: stop, body: loadBody)
        }
        var verdicts: [String?] = []
        var firstError: (any Error)?
        for secret in secrets {
            do {
                var result = try check(pastedSignature, secretText: secret, meta: meta, stop: stop, body: loadBody)
                // The secrets after it are not tried: the first that matches is the one named.
                let index = verdicts.count
                let choice = SignatureCheck.SecretChoice.matched(index: index, count: secrets.count)
                guard let note = choice.note else { return result }
                result.blocks.insert(.hint(note), at: min(1, result.blocks.count))
                if case .object(var object)? = result.json {
                    object["secrets"] = .number(String(secrets.count))
                    object["matching_secret"] = .number(String(index + 1))
                    result.json = .object(object)
                }
                return result
            } catch ShellError.signatureMismatch(let cause) {
                verdicts.append(cause)
            } catch let error as ShellError {
                // Malformed or uncheckable with this secret: another may still match; said when none does.
                firstError = firstError ?? error
            }
        }
        // Only mismatches are left in `verdicts` (a match returned above).
        guard case .noneMatched(let cause)? = SignatureCheck.SecretChoice(verdicts: verdicts) else {
            throw firstError ?? ShellError.signatureMismatch(cause: SignatureCheck.unexplained)
        }
        throw ShellError.signatureMismatch(cause: cause)
    }
}
