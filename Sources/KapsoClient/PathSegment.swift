/// What one segment of an API path is: an id or a name, e.g. `100200300400501`, a UUID or `wamid.…` is an id;
/// `whatsapp`, `messages` and the Graph version `v24.0` are not.
///
/// The one rule for both readers of paths: the routes a host answered (`KapsoClient.servedPaths`) and the ids a failed
/// call's path holds (`APIPath.ids`). The contract's ids are all longer (phone-number and WABA ids of 15 digits, UUIDs,
/// WAMIDs), so six characters with a digit is the floor that still takes a shortened or test id (`wamid.ID`, tester47 F4).
public enum PathSegment {
    /// True for an id: six or more characters with a digit that are no Graph version, or a segment starting `wamid.` with
    /// something after it, however short and digit-free (`wamid.ID`, `wamid.NOPE`: a placeholder still where a WAMID goes).
    public static func isID(_ segment: some StringProtocol) -> Bool {
        segment.count >= 6 && segment.contains(where: \.isNumber) && !isGraphVersion(segment)
            || segment.count > 6 && segment.lowercased().hasPrefix("wamid.")
    }

    /// True for a Graph version, `v24.0`: `v`, then digits with a dot.
    public static func isGraphVersion(_ segment: some StringProtocol) -> Bool {
        segment.hasPrefix("v") && segment.count > 1 && segment.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
            && segment.contains(".")
    }
}
