public import KapsoClient

/// An API error said with what the shell knows beside it (`FirstCallRefusalError`, `UnresolvedHostError`): for its exit
/// status, `kops check` and a `#! error` marker, it is the `error` it explains.
public protocol APIErrorExplained: KopsError {
    var error: KapsoAPIError { get }
}
