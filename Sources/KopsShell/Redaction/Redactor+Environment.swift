internal import Foundation

/// Secrets a line reads from the environment (`${env:NAME}`), learned before the line is checked, shown or recorded.
extension Redactor {
    /// Remembers the value of each `${env:NAME}` in `line` whose NAME looks secret (`MY_API_TOKEN`,
    /// `KAPSO_WEBHOOK_SECRET`, `DB_PASSWORD`: `isSecretName`) or whose value starts like a token (`whsec_…`), as a
    /// `set NAME VALUE` is (`learn(variable:value:)`). The line runs with the value in place: without this, the
    /// transcript's command line (which shows variables expanded), the whole-script check's error lines and any error
    /// naming the value printed it in clear (probe38 P38-5), though `${env:NAME}` is how the README says to keep a
    /// secret out of a script. References inside `'…'` are learned too: masking a value never shown costs nothing.
    public mutating func learn(environmentReferencesIn line: String, environment: [String: String]) {
        guard Interpolation.mayReference(line) else { return }
        var rest = Substring(line)
        while let open = rest.range(of: "${env:") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}") else { return }
            let name = String(after[..<close])
            if let value = environment[name] { learn(variable: name, value: value) }
            rest = after[after.index(after: close)...]
        }
    }
}
