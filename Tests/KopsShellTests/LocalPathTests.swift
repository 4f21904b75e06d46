import KopsShell
import Testing

@testable import KopsShell

/// probe34 P34-3: Foundation's `NSString` path helpers trapped (exit 132) on a one-character relative path: `record x`,
/// `record ~`, `record -`, `bundle b`. `LocalPath` splits on "/" itself; these are the shapes that crashed and their
/// neighbours (`~`, `.`, `..`, `/`, trailing and repeated slashes, names that are not ASCII).
@Suite struct LocalPathTests {
    @Test(arguments: [
        ("x", "."), ("~", "."), ("-", "."), ("é", "."), (".", "."), ("..", "."), ("t.md", "."), ("", "."),
        ("/", "/"), ("/x", "/"), ("//x", "/"), ("/a/b/t.md", "/a/b"), ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"),
        ("~/notes.md", "~"), ("./x", "."), ("../x", ".."), ("a/./b", "a/."), ("дом/файл.md", "дом"),
        ("/\u{301}x/y", "/\u{301}x"),
    ])
    func folder(path: String, folder: String) {
        #expect(LocalPath.folder(of: path) == folder)
    }

    @Test(arguments: [
        ("x", "x"), ("~", "~"), ("-", "-"), ("é", "é"), (".", "."), ("..", ".."), ("", ""), ("/", "/"), ("//", "/"),
        ("/a/b/t.md", "t.md"), ("a/b/", "b"), ("a/b//", "b"), ("~/notes.md", "notes.md"), ("дом/файл.md", "файл.md"),
        ("a/\u{301}", "\u{301}"),
    ])
    func lastPart(path: String, part: String) {
        #expect(LocalPath.lastPart(of: path) == part)
    }

    @Test(arguments: [
        ("a", "b", "a/b"), ("a/", "b", "a/b"), ("/", "b", "/b"), (".", "x", "./x"), ("a", "/abs", "/abs"), ("", "x", "x"),
        ("a", "", "a"), ("/s", "..", "/s/.."), ("/s", "é", "/s/é"),
    ])
    func joined(folder: String, path: String, result: String) {
        #expect(LocalPath.joined(folder, path) == result)
    }

    @Test(arguments: [
        ("/a/./b/../c/", "/a/c"), ("/..", "/"), ("/../x", "/x"), ("/", "/"), ("//a//b", "/a/b"), ("a/../..", ".."),
        ("./", "."), ("x", "x"), ("", "."), ("a/b/..", "a"), ("/a/b/../../..", "/"), ("../../x", "../../x"),
    ])
    func normalized(path: String, result: String) {
        #expect(LocalPath.normalized(path) == result)
    }

    @Test(arguments: [
        ("~", "/home/u"), ("~/", "/home/u"), ("~/notes.md", "/home/u/notes.md"), ("~/a/b", "/home/u/a/b"),
        // probe36 P36-8: a doubled slash after `~` stays under the home folder, as in sh (it wrote /notes.md).
        ("~//notes.md", "/home/u/notes.md"), ("~///a/b", "/home/u/a/b"), ("~//", "/home/u"),
        ("~x", "~x"), ("a/~", "a/~"), ("./~", "./~"), ("x", "x"), ("/abs", "/abs"), ("-", "-"),
    ])
    func homeExpanded(path: String, result: String) {
        #expect(LocalPath.expandingHome(path, home: "/home/u") == result)
    }

    /// A HOME written with a trailing slash gives no doubled slash.
    @Test func homeWithTrailingSlash() {
        #expect(LocalPath.expandingHome("~/notes.md", home: "/home/u/") == "/home/u/notes.md")
        #expect(LocalPath.expandingHome("~", home: "/home/u/") == "/home/u/")
    }

    /// Without a home folder a `~` path cannot be read; any other path needs none.
    @Test func homeUnknown() {
        #expect(LocalPath.expandingHome("~/r.md", home: nil) == nil)
        #expect(LocalPath.expandingHome("~", home: "") == nil)
        #expect(LocalPath.expandingHome("r.md", home: nil) == "r.md")
        #expect(LocalPath.expandingHome("~r.md", home: nil) == "~r.md")
    }

    /// probe36 P36-8: `~root/x.md` names another user's home folder, which kops does not read: said in one line, not
    /// "its folder ~root does not exist; create it first". A name that only starts with `~` is a name.
    @Test func anotherUsersHomeIsNamed() throws {
        #expect(throws: HomeFolderError(path: "~root/x.md", otherUser: "root")) {
            try HomeFolderError.expanding("~root/x.md", home: "/home/u")
        }
        #expect(HomeFolderError(path: "~root/x.md", otherUser: "root").message.contains("another user's home folder"))
        #expect(try HomeFolderError.expanding("~draft.md", home: "/home/u") == "~draft.md")
        #expect(try HomeFolderError.expanding("~//x.md", home: "/home/u") == "/home/u/x.md")
    }
}
