import Testing

@testable import KopsHTTP

/// How libcurl is loaded (docs/performance.md, "Session 7: per command").
@Suite struct LibcurlLoadTests {
    /// Without `RTLD_DEEPBIND` each symbol relocation of libcurl's ~30 libraries first searches every library kops
    /// was linked with: 21.1 M instructions for the `dlopen` instead of 11.8 M.
    @Test func libcurlIsOpenedDeepBoundOnGlibc() {
        #if canImport(Glibc)
            #expect(CurlTransport.loadsLibcurlDeepBound)
        #endif
    }
}
