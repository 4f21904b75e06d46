/// The version shown by `kops --version`, in `User-Agent: kops/<version>` and in transcript headers.
public enum KopsVersion {
    public static let current = "0.1.0"
}
