internal import CKopsShims

/// Ctrl-C handling: a flag set by a SIGINT handler, read by libcurl's progress callback and the prompt.
public enum Interrupts {
    /// Installs the handler; from then on Ctrl-C cancels the request in flight instead of killing kops.
    public static func install() {
        kops_sigint_install()
    }

    /// True when Ctrl-C was pressed since the last call; the press is used up.
    public static func take() -> Bool {
        kops_sigint_take() != 0
    }

    /// Forgets a Ctrl-C pressed before the next command starts.
    public static func clear() {
        kops_sigint_clear()
    }
}
