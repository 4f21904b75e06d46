import Foundation
import KapsoDiagnostics
import Testing

/// tester62b AM1: the whois advice beside a failed call's path named the WAMID without its '=' padding (the segment was
/// split at '=' to find an id), so a masked transcript gave the path `<message 1>` and the advice `'whois <message 2>'`.
/// A WAMID is advised whole, as the path holds it, its escapes undone.
@Suite struct AM1WhoisAdviceNamesTheWholeWAMIDTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test func aWAMIDIsAdvisedWithItsPadding() {
        #expect(APIPath.whoisArgument(Self.wamid) == Self.wamid)
        #expect(APIPath.whoisArgument(Self.wamid.replacingOccurrences(of: "=", with: "%3D")) == Self.wamid)
    }
}
