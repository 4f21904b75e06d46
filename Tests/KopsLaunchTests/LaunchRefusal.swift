import ArgumentParser

@testable import kops

/// The error line `Kops` gives for `arguments` (what `kops` would print to standard error), empty when it takes them.
/// Here rather than in KopsTestSupport, which cannot import the `kops` executable's module.
func refusal(_ arguments: [String]) -> String {
    do {
        _ = try Kops.parseAsRoot(arguments)
        return ""
    } catch {
        return Kops.fullMessage(for: error)
    }
}
