import Foundation
import VanBanFormats
import VanBanText
import XCTest

/// Every limit has its one-line error, and hostile markup never reaches the disk or the network.
final class HostileInputTests: XCTestCase {
    func error(_ bytes: [UInt8], name: String = "x.docx", options: ReadOptions = ReadOptions()) -> InputError? {
        do { _ = try DocumentReader.read(bytes: bytes, name: name, options: options); return nil } catch { return error }
    }

    func assertRefused(_ bytes: [UInt8], name: String = "x.docx", options: ReadOptions = ReadOptions(), mentions: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        guard let e = error(bytes, name: name, options: options) else { return XCTFail("accepted", file: file, line: line) }
        let message = e.description
        XCTAssertFalse(message.contains("\n"), "one line: \(message)", file: file, line: line)
        XCTAssertTrue(message.contains(mentions), message, file: file, line: line)
    }

    func testEntryNamesThatEscapeTheArchive() throws {
        for name in ["../../etc/cron.d/x", "/etc/passwd", "word/../../x.xml", "C:/Windows/x", "..\\x"] {
            let bytes = try Fixtures.docx(body: Fixtures.p("x"), extra: [(name, Array("x".utf8))])
            assertRefused(bytes, mentions: "escapes the archive")
        }
    }

    func testDecompressionBombOverTheDefaultLimit() throws {
        XCTAssertEqual(ReadOptions().maxUnzippedSize, 50 * 1024 * 1024)
        // 51 MB of spaces in document.xml compress to about 50 KB.
        let head = Array(#"<?xml version="1.0"?><w:document xmlns:w="\#(Fixtures.w)"><w:body>"#.utf8)
        let bomb = head + [UInt8](repeating: 0x20, count: 51 * 1024 * 1024) + Array("</w:body></w:document>".utf8)
        let bytes = try Fixtures.zip([("word/document.xml", bomb)])
        XCTAssertLessThan(bytes.count, 1_000_000)
        assertRefused(bytes, mentions: "over the 52428800-byte limit")
        // The limit is an option.
        XCTAssertNoThrow(try DocumentReader.read(bytes: bytes, name: "x.docx", options: ReadOptions(maxUnzippedSize: 60 * 1024 * 1024)))
    }

    func testSmallLimitCountsEveryPartRead() throws {
        let bytes = try Fixtures.docx(body: String(repeating: Fixtures.p("Kế hoạch"), count: 200))
        assertRefused(bytes, options: ReadOptions(maxUnzippedSize: 4096), mentions: "limit")
    }

    func testExternalEntitiesAndEntityBombsAreRefused() throws {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="\#(Fixtures.w)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
        assertRefused(try Fixtures.zip([("word/document.xml", Array(xxe.utf8))]), mentions: "DTD")
        var laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for i in 1...9 { laughs += #"<!ENTITY lol\#(i) "\#(String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10))">"# }
        laughs += #"]><w:document xmlns:w="\#(Fixtures.w)"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
        assertRefused(try Fixtures.zip([("word/document.xml", Array(laughs.utf8))]), mentions: "DTD")
        // HTML: the parser never loads or expands entities; the page is read, /etc/passwd is not.
        let page = #"<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>Kế hoạch &xxe; số 1</p></body></html>"#
        let read = try DocumentReader.read(bytes: Array(page.utf8), name: "x.html")
        XCTAssertFalse(read.text.contains("root:"))
        XCTAssertTrue(read.text.contains("Kế hoạch"))
    }

    func testNotAWordDocument() throws {
        assertRefused(Array("plain text, named .docx".utf8) + [0x50, 0x4B], name: "x.docx", mentions: "not a readable DOCX")
        assertRefused(try Fixtures.zip([("hello.txt", Array("hi".utf8))]), mentions: "no word/document.xml")
        assertRefused([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], mentions: "not a readable DOCX")
        assertRefused(try Fixtures.zip([("word/document.xml", Array("<w:document><unclosed>".utf8))]), mentions: "markup refused")
        assertRefused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], name: "x.doc", mentions: "save it as .docx")
        assertRefused(Array("%PDF-1.7\n".utf8), name: "x.pdf", mentions: "not a readable PDF")
    }

    func testSizeLimitForAnyInput() throws {
        XCTAssertEqual(ReadOptions().maxSize, 20 * 1024 * 1024)
        let text = Array(String(repeating: "Kế hoạch số 1/KH-UBND\n", count: 100).utf8)
        assertRefused(text, name: "x.txt", options: ReadOptions(maxSize: 1000), mentions: "--max-size")
        let page = Array(("<html><body>" + String(repeating: "<p>Kế hoạch</p>", count: 100) + "</body></html>").utf8)
        assertRefused(page, name: "x.html", options: ReadOptions(maxSize: 1000), mentions: "--max-size")
    }

    /// Found by fuzzing: a ZIP directory that points past the end of the file trapped the
    /// in-memory archive reader. Now it is a clear error, in every damaged position.
    func testZipDirectoryPointingPastTheEndIsAnError() throws {
        let good = try Fixtures.docx(body: Fixtures.p("KẾ HOẠCH"))
        let cd: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var damagedCount = 0
        for start in 0..<(good.count - 46) where Array(good[start..<(start + 4)]) == cd {
            for field in [20, 24, 42] { // compressed size, uncompressed size, local header offset
                var bad = good
                for k in 0..<4 { bad[start + field + k] = 0xF0 }
                do {
                    _ = try DocumentReader.readBlocks(bytes: bad, name: "bad.docx")
                } catch let e as InputError {
                    XCTAssertTrue(["ZIP", "decompress", "archive", "damaged"].contains { e.description.contains($0) }, e.description)
                }
                damagedCount += 1
            }
        }
        XCTAssertGreaterThan(damagedCount, 0)
    }

    /// Found by fuzzing: a Word file with a damaged entry that made the ZIP library loop
    /// forever. The bounded reader gives a one-line error at once.
    func testDamagedEntryFoundByFuzzingEndsWithAnError() throws {
        let b64 = [
            "UEsDBBQAAAAIAAAAIVhkXlDN/QAAADMCAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbK2RzU7DMBCE7zyF5WuVOHBACCXpgZ8jcCgPsDibxMJ/8jqlfXs2bckB",
            "FbhwtGe+mZFdr3fOii0mMsE38rKspECvQ2f80MjXzWNxIwVl8B3Y4LGReyS5bi/qzT4iCYY9NXLMOd4qRXpEB1SGiJ6VPiQHmY9pUBH0OwyorqrqWungM/pc",
            "5DlDtvU99jDZLB52fH0cktCSFHdH49zVSIjRGg2ZdbX13beW4tRQMnnw0Ggirdgg1dmGWfm54MQ988sk06F4gZSfwLFLfYTUqS7oyTFZ/h5zZmfoe6Nx4ee0",
            "mIJGIn5yZ8tFcWD86q8dfnJvmJj8/yFL9NcIdfjz9hNQSwMEFAAAAAgAAAAhWLmBRHGwAAAAKgEAAAsAAABfcmVscy8ucmVsc43POw7CMAwG4J1TRN5pWgaE",
            "UJMuCKkrKgeIEjeNaB5KwqO3JwMDIAZG278/y233sDO5YUzGOwZNVQNBJ70yTjM4D8f1DkjKwikxe4cMFkzQ8VV7wlnkspMmExIpiEsMppzDntIkJ7QiVT6g",
            "K5PRRytyKaOmQciL0Eg3db2l8d0A/mGSXjGIvWqADEvAf2w/jkbiwcurRZd/nPhKFFlEjZnB3UdF1atdFRYob+nHi/wJUEsDBBQAAAAIAAAAIVgYxX8WsAAA",
            "ACEBAAAcAAAAd29yZC9fcmVscy9kb2N1bWVudC54bWwucmVsc43PsQrCMBAG4N2nCLfbtA4i0qSLCF2lPkBMr22wuYQkFfv2ZhIFB8e74/+Ov26edmYPDNE4",
            "ElAVJTAk7XpDo4Brd94egMWkqFezIxSwYoRGbuoLzirlTJyMjywjFAVMKfkj51FPaFUsnEfKl8EFq1Iew8i90nc1It+V5Z6HTwPkl8naXkBo+wpYt3r8x3bD",
            "YDSenF4sUvrxgtNibxhytYyqMGIS8F4VWQMua/7VTL4AUEsDBBQAAAAIAAAAIVh2guW3rBwAAJqdAAARAAAAd29yZC9kb2N1bWVudC54bWztXdtvG1d6f+9f",
            "MdBTshiJkte52EyyWKutZdhRHYR23EeKUkVC5JCmhor0FtdAjWxg1EYaLIw0WMuq41Wyhp11iiASsgE6Wv8f3L+k3+Wcme87cyGloWSl6Isu5MyZc/kuv+86",
            "7/xms9P2Nlb6661u8O7U3MzslLcSNLrLrWD13alrtX+cfnvKWw/rwXK93Q1W3p3aWlmf+s17f/fOx+eXu41BZyUIPRghWD//8btTzTDsna9U1hvNlU59fabb",
            "Wwngu3/p9jv1EP7tr1Y+7vaXe/1uY2V9HR7QaVfOzM6+WenUW8HUezDkUnd5C3+HS23z62rf/PGR9zE+4tzsLMwQPtnqwWSWN+tTlffeqehLL/Zby/jnKvye",
            "77b5xrNvwI2V3I8r6s6Qh2rwTzNw4yNxS9YUzIU9/MG34NacX+/VG3Bhr7+yvtLfWJl678Ph/v3z3tzZs17l8sL0tQuLf0+30yB9+tkzAx7nLC63om8C72Kr",
            "Hqz6XrAaPdzy5t7ywma0Hax657zg4HbHOzN7ZjZ/bhXeqEp8XqOfOdz7i7fwT8O9h/MLGePCj8pY49T6reH+7cBba9ZbMOXh/ncNrwkf3Qk8eMTPodceDPee",
            "Bt467LR39tz05SuV2kd2kbOVN4Ds5s55jeH+k7p3oR54F6KnMMzL597GcP+WF7ZgjJ4XDvcfN5zR5+G/T+mzz3jwubnp+ZoY/NeVs0jTb9nBh/sP4KboadD0",
            "wj7edbkZvah7N8yTDm7DZjdePh/ufwV/wIjfee1oBy4+uD/c2+6aUQ7uDfd24Hv4cP9+C2/9suU1ou/hozDabsA2DLZgyoEH87rb8JP/w+hhy/c2o0db3jKM",
            "DddvRjt41YMWXwuL3HsKS+0jLeDwn9W9pehhgIv/FKYhiKTMec3DOnEtu94HNLOQnwUP4BN6+1zlg4N707XaqtnH2bdpH8/Mmh2owWyfeCFu1JewCrOjPfp0",
            "CQ6wCXNu0tl7zS7sXKP5CyOLtVNIFtVSLJra/vhkaIfOzL05fXmhUrtmT/zNylvqxJkA4e8tSYW8QRs4qnsI/3/Ehz9i30P1k8HtuVyVK3l9nPJj+uy2F+CW",
            "rtcH50eRUI+1VTDo8B+t9gZq5o16+90po6/hu0vL9rM5o+bMDZV4hCJafH+4/1/zsJfR3fkF3/vn6HfXvPnh3tfXytD3Ddx+K8UC2tflAalS2o4OntVjuSV4",
            "7W04O7gNTvsPPu4wK14YoDHce9yzx7ARPeRjoYvxRGl7Qz4OFHr3Y7k9QCoi0mS68fl7OuSdXkww23je+1/QpbsN+CXocjohDV9QyTTMrYmkCr9wRT2alxwl",
            "uVazCq70cyQh+M7nDwfeTeDLnSIezeJJeGCR5EhJimr8bJzRV60ihm5EL/Tc8jl8JEfDPOdhwi8ROoEu/RNcwYeF03nA/A3jnYPx+snEca21phUBRC9iLTNl",
            "qHMxeoSEUe8COdJeh3RkvreBbNuP/uzjT9xSS648pQZuBFx6h264T8QlFowL7YD0aCH9PYFv20BfPW+xCY/zlvEHCbcObffB/ehpo+l70U9IQge7dfMMCTzW",
            "B/AURgNfjYVUXruxsFB7fcarZchPOsYAxOhPdjU895vIQbdQQCEfNF5uwyew9YaKAxoJV0aDhM16x1tt2cmGXURDyVxofUcTwDjzXKRVeNqVw+hdwaBaWNNK",
            "lo2sljzK+7IKrLLTAvERbfeMsApiKoIB9x4D4+J+76CUU5xTYj9Woxc9FFlATeJxREqwVU/pXJyHAzUNcPJAunhZm5gapR7QHDFRSDSFCwmTLWghEaMsmfY2",
            "EI0S6wrRZ887EcH8MfFPDxe6f5+I8OeRjHkiOm1x4dJw/9/e966DbvOuR594Fy8N9x5d8q4uRLeugnqDT2sLw/1/LTHZuUlNNotbJdrxlQ6z3EvcSoqRUKDB",
            "Qr4ktzTLJzdp7q/yU5V2RML6IaRfPzkkjQSgeATYY/+ZGZ+Vti8fZggmW26WMp2yAQPxRQxB6rAuo35yF5iHBXDPd4wEFLvdiH7EVVhcEl+OaABFGFpzAx92",
            "K9oOmMvuhL6WOAkqKtCtVsfnoIKw38WzJtmV4Cjky9W/7uJiAgMzmCgaVs3xHM1/wSpRXstrg2yxKjlsAks/IFSwt9uxZCIpCln/u44QS0qXpgjOl8TBYGmy",
            "yqMUIpgvwJKop3E53zWYEZ8km0Tbb8wtOZ81CctcYKiAVhqTaWGg0esa0k8Hnlv3rUa6aVwGa0A8PTsIHMX+M5wHyHH4AUPCoVv3QGe496xh5o4EajHZmBad",
            "X0SQJBju4UEi7f3tk/+8MRKzAJpowQJxswIP7M8z02jn/u2Tr3w9Egq43S2c/TadTZfR5MNuPmQyi0S8AnDrTyiUlqM/wyd4B1lkD4z1+Dn/RuqKXXswhdH+",
            "lare+DXePCZtRLDzUnKPBnAgyVIyK2yuwBrtw8Nmi7afT0vL5VIscBHIIrDEvEQUsRnthsy2y3UE7fwomAHMcVA3uytPQi4w2fUEUhATM35poAWTfC7vDFgG",
            "NOEXguUvWwjIou8NMdJNHQQsQmRnzk/MQBn1CQ3ozx16kOfCCg+OAx/6mfYO4vEAF1pztxQAmhim0Nxi9fUXLd5QKWZpn+HvFgq+wRZqBjCcSdyX8nBJ2xLp",
            "P56Nf5SpgB7bI9rAQ741AKqxImsX4W30ozLp4anfJn6h0EJjF7cfQmP5WdAg0bvma0bbMRR3dBtahR22rhD43MVZHN02UE6vfDifDeFLSYorzB+rzWi3h4f4",
            "IGQt0GjymeHMbk3AFuyS/tOOA+BnkDMhq0PANp8DhMLt3naN8aahF5TmeDkqA6tUlZuCN8SeL7mMwuhRp3BwBn4GLxgFj4+ITWiEpCB/IhD6y2x6EQfGcz+a",
            "pTs6gCRU0RLSwgAXQPtnIQFM0ZiG6OIBHGeoP0T8b+Qawx88F8MybSPp4Dbf/GP9Xr5De+sEEDcHaJT6TInLXZDO1XgGQo7iFCxHw+68QKpCk1dgLoPlXxCm",
            "Cq1JXe9a+ng1eFFJNwXuHLFFXHBo0mc5CJJCadfD6rNshVWk506H7rpKBAV7FPvjpGw+rKc2y0+bGii+vAxRHP+8c/zL0gxx3bhHZY+qa+vI6ZO1hIg9jL8/",
            "PI0DbApbrMTRvyUAcRdklBCeVdpT+yCjUMmETdyRJItB/MA/XbNq2sA7Pt7we9rqnfScQUy3lCjDVS61aOJr/Muig2Y3sZQRwZaSH++T5wEmhfiDnJKxCy32",
            "sI1NNdqPn+858uOF8+6JnfT12pQAjjfZPUOwQclmYMnMuk+ra+sEYl/CBq3WzMF8JeVbDNxByFkfU50VBgIqx2NbJtrHBI678kODFOWd0KyFRzW8BFbngmME",
            "tKOHHUO7YMAQsvwDLsZYeLg49KnwshoUQ4AhPifI4b0P5I5WpcVsydLhSTX2QOPuG2TJ+yrnbczadXaixeYTjFkO0LUYjNBTr0gvkMFGJvDCV/i4IiAcvstI",
            "p6voYUaf1jN708zMjOvMcJSjL5nc1+RhqT8zjpIBxoUIZYMQMYcQngRG2YzvGxJVMWTfctc6nplvHP3k4wjNlfD8h15AdnhjEiFnJsL4grUm8VyYkEHMeEp7",
            "J+ZLDInRA2tDS3fRrgLhQjbzNnoUduFy2PcBotYnAx2BNQ5E47wY7r9IZCdvHFvnSegSUS4FB/Dvx6Hdjxnvevr0nDMIDYcw3FtLoqG37UMZX2b6I2MZIE3v",
            "7K3wcSE/mshVyjTs4II7KGwDI2LUfPio9cyrFhG342DHj8UHLXWOWBuL9W7grXTUx/Cg6I9djzw7Ax6wFD8zf15WM5TueKUvemnUEhCgbJAnTYGLNrE8ySUd",
            "Sief6V5s6EvRdkiO0J90ou+NqU8ewCw8iwLV2gIigOkLe888eQlPuMlrge/1IWdb8Bt/3UVva7CK0kyBfiQUs0l0rI4VFD0aeP00cso6Gd9RROwgQBPUeCT1",
            "0DwE2pfW0PRZK+lTy00BZKeGFAKHNZw8lWCoAkNlPbZlqP5Qzl7rg5zKt8RJp8XBIhO4uOja9PeETY/yuvPy+UBEimK9YiMo6WhybhxZBXPoiIWicZ0LuTro",
            "NNl0liwFS/gF63fgukGEsOi9bcvuiYAQNFUqEpTwtevaWLIW/TMlmWqJz0jStUNwwkEEWMUn9z5JJ9/4tdEYeBzYsFoGz7qusAbrwCZBFGWsKA3IMpuEio1w",
            "KBXvS3+7j+sSrjLf2yJHoo+CZrdBFtO/rzhr85Vl4ie4FIRmVQlK18cmuSnL3pXfh3Eu0CbDSO2Ey943Z8s2Ebl0ABEg7T3zU9+vjn4ez96o1FgAp79jU5I9",
            "OVWpONOORR6+Q9svEetjMjonFdF1PZDCcWu2HpezRO47fK5IW0qLyPzcu/Jh2ERvW7zJaqnBi9l7QTzDuX1m27MleFWypiSlmnu0ygecc5NDn/44xGKJU/KA",
            "hAOUF6GFHEf7ZHQDKOHbOst//pMJjJFzJqjG44tJhR4iDhN9qc71GOxH9A7gZ6eVaXaUOlUt+10ZEKx26ZSDVWLJsBXjEHGR3Gsh29gQVleGlK2MknTZQGkr",
            "GqQ9FDStOeSIbPbWjWYy2tUsPiu1Uwif4sCYTJtN+VVERguuClXilk2zudtIfY9rN/LNBcupUIVLy74Z3TBAyqJqcKpRHAC1wpeEwox3UfiIyINiPHe0tSZv",
            "SD4+wUtm/KK5VbNGCNBQT6RIehSJEeXnsRPhdGAmZW9o1aXdkegfCfyU7sMAIDsHiqJmIPGfgVJiF53j1ijDCJNJ0IXF/4Dru5OZ6zhyU5RXT0BkRdE4spNN",
            "Y+1dAt1q1GSBVQlGySfCWlHKbjfukpiMJhrXpGQcGdtKYxT29sG8W2KtLP7Z4aN9txR+HZCct0aHmkau8ZVm7UznCDzz960kjuiba4WLScNm42fTWS2+60Aq",
            "KTZlskNWIOQ4OYBU9gZjeEzKTWjHt5dgfgrqNtoj1La76PXh/DA9sr5G3J4GyHIOGUdHPgU6wdsmgb3UHrvnlzhakjjjjLeYa8xphaPOQzkyJd5l4UwLrWZi",
            "rNgAcpNKXH1JXrk2uyqI19EHgEJgQoUExSngRdQn4Ix7wozjRrlGhT5vH+xyXhQQfmYSyEziezL+Zsdplpxl2kGW52/PAhHjJsdLi0SI4xTGy5XCp0NVyzRH",
            "GUhQjuC8vJB4WcIdmIgzERdlHXOUWAPfRepB6YLsFIFSJlyGu4uNoSWyflBC4tE9YQLtYVzMMYGM+aIssYUCzwqK35pJHcPCOnzOuTex3PDtSq02faE2b6oQ",
            "z7xVmZulz2XRUg1Fgzm0OM0SZMO3cTakOMRk0phjhuM+CsxRBzI+lLWGfO/QjNfHCpsuqk2kiCXktHWycIFoCMnpABWHe0bnkwaG+WBM6TG2k+dKEUmjzVZa",
            "zjKN8rV0Yyr6ZsLQ1nDkBDDUnXHYRhZSUozeqY7MtGNVFOUQ9GDt11IZCuXyg3KTxn08QOMPtElMudnhx55pgRJFiKMZcuAn2egkIJ4fVejQ0zcoBiTz4cfJ",
            "VWSw7/g740n4ekA0NE2mn0SoUpU56KXc2XJy6ZLhdK0VpcjNc0/zidD35KCxkI8ko+EXVcMPO/aNt0y+pHDG07XjXM6lQ9uOrHAC3aNC2yZWLgYIm5hwuxf6",
            "saJmYZD4mEgsrFNSdss41GBWMZDhdEDMDXzW8MVta81u7GbqD/f2Z1Ais+TzMQ2I0mutOSsmhDEWTBJpabhuMwwJ7DF6oGENm/GDcJa+nCtbUkUQjaO0NKqs",
            "pDPAne0GTdWHNG5eRZkZGwu2TsyW75mtkkAy115Mc3sZtvqfHzxtx6lgc9g3kO+Llp839fwkMDlRN6pDcJPDpKTWiHZWWfNJpNZBvcmuAuGPQrrfrPukpb6j",
            "9E8bsh3Dkp5Ayq8EnoWFRjn5WY5uSXYWZQjo0HVkH5LRhpk7eZVy8iTi9LUYDolE39Rot8pswCGo0w20t91ZGktKw4nffvgPv10spzA04+W1IIhLr+Wu9gCQ",
            "SV3gWmU2P4MgWpdoVy3GIliRQGmlN6c6hBL90pRkjXMq63MUAdkwHOmJfj1ZWRqbIkTW/qsZb0HMUzoCyGywmeqJdG9L6+k6n+oioD9kVbsPZltkejlhkmNG",
            "hydS5gxQ5D+8ecDCf5yneubn8x4VPi+eCoXDySAkgT/jdg5SqopmDuXsTVkarfkoLieykUSg8z2ylaS1bpMS6wycTDQ2O6yXmd5fKv0vv2SDHMZfUApSVi2z",
            "9tVYYGlrkQxmYfdfwBjUJzEcV3eghaKBGQNRM4sR9RXHyiATI8EPURIU5OyUpbwnJAfz28qkStP9Ub1r0rmtvicrzWQ+R0GWl2oME0QPTfMXDM9RmudSxOzS",
            "VZY57g75RIrTnMB6Sbz9JUPDY+9bYf1dOrVYpfKbTLw+WgwjqpfpMRxAnkgdW7l8iJjERHJZ7CpSESUX1nY4LkVuV9zV8SK9vMmmxJgjiMqrayCGCrBWKWmE",
            "czN2Og68EH2dRLZM+ilIoikwKhzFvsq+qsZ4m0Okqj/G1Sal/RWRcD77VW1+gkRrX8SqxDzVNkdQhTcFyPvYiOfkhKgsC5imDBqCgUstIzZuTKKCahyRahIx",
            "EzHoZ7f62HQtI3UmBR6p/MwIJz5TZZuwL1LeVfBXBZlFlMaNq6jrZMBa1lIyppWZehvUgwQzje3faIjyX0stBlpcPd+k2DbxZ7eqmeUIcZq0e2R0Gv5Ykaxy",
            "ta+Xhnt/WfQuXiotcDWaTCRBbv5ZkUE3ioYUCWHOSyf63s9OLGh3TfWFUwdthvRTrUNEYX2cFBUaFwn5v+KEHRv1cCcXJ1Wy/w+VEJE3FyoEWa6+rPxIY3Bx",
            "MpaZrGxt1eNWVQNZj0oTXK8PQES2xnlGWZdugrYUf9Dx2MqAL3up4K1Ou03lcqbCudkR3CQ3eKwQxylSCwpnmu4vmAICFDdhXEiPE7E63xsF7hM8x7DDIklX",
            "U6BV5GRJ73QMqIm7qRUH+sZT8DShU6zjxe6WKj+K4zHAEXFv4zXUQlYd2Dyl+y21swnIlVZJEjgW0dd8a8dtyGKcrVc44LGYc5AnY8ZIOhM4PtNTK+Idxhnn",
            "OPCFr8wpjUiUhkbjsiepKNf6PwFQF22jlcevwKhXtmhu9zmd2JEV2y1ubyKyukcnpC2y380yAffwmp3DFs9vVRYP7k3PX7XNpecq5+hjwynS33xS1r3aQEcg",
            "KzNLddhzPHmOa1p02Msvj2kYBEIQefwdP02Eryt2kfp0xr2wGo6RNQ6rjXOkYiqEXpjKN6q4iQMjyfqrWTNfIDpZTFKk4pnGruScCRZH3NLZQxL0yS5nuUGs",
            "GdVAzukgabZHNl2yngkZv5WgdOwiiMm1uqi5IaTRQLqoQm0sFJ3dyTE+1vHyiIrK9E4R+19Ociio07YIexdN8jBdk3M5Pzd5VDIM+yLWucGjZF6Xewq6r5g2",
            "SmqlKsAv8zKk3C/5BoBJq7+RQnIzxg059rlQfgzwksVm2DE/H9X7mPcmlK7lw1UOIbDYse2+KL4e2oQsXWOef3aiVdsp4qvrcR9snHCNowzN+vGEjEbrxYJe",
            "/ZQxGsdzZKmXrCtx6iHyC/WzcGmugpJ+TX4rgUnoZPM5RErw2dAS3T4b2B6hjeYaQStu4ZBdxOmfHoqoJfFkIgkbBGZ+eIXQyi+Mrvvw8+stemVJbtspkTth",
            "a2EXspqIqELZJNCud8I31AhmREbYbsK9z/J9nnpS5ftRJk35TOcqi0ttEW12toHPxkXgEVuqeH9o3oWR7r6sGnubYmbllyTBabupi0cnGd56PCdvQU4j9boC",
            "QpU6n5TzUnGH20Sd4/dOSqeWHs5FdjS1fEL5LThhY2uRZ1yJBT5X9SK5C8gX6pN5oGpYZU0ST5zY+3RSbxg7qiFebJcVJc449CZQCpf3JHrp0P2BbnKHuBdO",
            "wzBdBKlQSyrMrVXYgdMW2OmyxnnSTUY4Io8+FcMQJvfNQfSNd9RSxxMh3hFpKKUsvjHTUlIqvyocwLbwwAijT01y0pH6qR6tBiFVVuAWETA7E+ga0X0f0dDj",
            "kAsW4879LCbXuALY2C8ZXfnz0wqyJmW4u7D1vN0T6WTHsoIVfLXMf5tu68Y/39Blf/oFBNF2B2V+mF1yqzZ8mG5sP7lArcqIEU1xhF7cYDxhRERSRs00uJCj",
            "TcXrLtg45eFV20KnBl3lwsBG7pm4rrXlpHKsJq1Y7rop4r7Imo2TaLJ9v2M3zBszcl/UkmaC0fXCBmqZ6DOOxeY083JzoJwSHCeBMbNpXKrmdUQTuYJ+caW2",
            "6hcqWrLdBtnv70sJnl+c3KGQZpem4iu7WwB7B127pa5Jf+ixnJJVt0L1MHWRoqfviLSGMVuLjWoTVbKJZewV8kUIWIaL4yLbkhWSGUQiavRyW9ucChynkuyP",
            "19gus95fT2q9R/BllMKytpg4lWCsrQ/JBlm9s4U4rBpsezQ3dQJoj9A/esw364zTT/pEDrvABzUxIZ75DNG2YFS5VlHPjCPDB8++8SJWZKqCUeV9y7jJa4Hv",
            "9SFnW/Abf91Fb2uwitJMgX4kFLNJdKyOFRQ9Gnj9NHLKOhnfUUTsIEAT1Hgk9dA8BNqX1tD0WSvpU8tNAWSnhhQChzWcPJVgqAJDZT22Zaj+UM5e64OcyrfE",
            "SafFwSITuLjo2vT3hE2P8rrz8vlARIpivWIjKOlocm4cWQVz6IiFonGdC7k66DTZdJYsBUv4Bet34LpBhLDovW3L7omAEDRVKhKU8LXr2liyFv0zJZlqic9I",
            "0rVDcMJBBFjFJ/c+SSff+LXRGHgc2LBaBs+6rrAG68AmQRRlrCgNyDKbhIqNcCgV70t/u4/rEq4y39siR6KPgma3QRbTv684a/OVZeInuBSEZlUJStfHJrkp",
            "y96V34dxLtAmw0jthMveN2fLNhG5dAARIO0981Pfr45+Hs/eqNRYAKe/Y1OSPTlVqTjTjkUevkPbLxHrYzI6JxXRdT2QwnFrth6Xs0TuO3yuSFtKi8j83Lvy",
            "YdhEb1u8yWqpwYvZe0E8w7l9ZtuzJXhVsqYkpZp7tMoHnHOTQ5/+OMRiiVPygIQDlBehhRxH+2R0Ayjh2zrLf/6TCYyRcyaoxuOLSYUeIg4TfanO9RjsR/QO",
            "4GenlWl2lDpVLftdGRCsdumUg1ViybAV4xBxkdxrIdvYEFZXhpStjJJ02UBpKxqkPRQ0rTnkiGz21o1mMtrVLD4rtVMIn+LAmEybTflVREYLrgpV4pZNs7nb",
            "SH2PazfyzQXLqVCFS8u+Gd0wQMqianCqURwAtcKXhMKMd1H4iMiDYjx3tLUmb0g+PsFLZvyiuVWzRgjQUE+kSHoUiRHl57ET4XRgJmVvaNWl3ZHoHwn8lO7D",
            "ACA7B4qiZiDxn4FSYhed49YowwiTSdCFxf+A67uTmes4clOUV09AZEXROLKTTWPtXQLdatRkgVUJRsknwlpRym437pKYjCYa16RkHBnbSmMU9vbBvFtirSz+",
            "2eGjfbcUfh2QnLdGh5pGrvGVZu1M5wg88/etJI7om2uFi0nDZuNn01ktvutAKik2ZbJDViDkODmAVPYGY3hMyk1ox7eXYH4K6jbaI9S2u+j14fwwPbK+Rtye",
            "BshyDhlHRz4FOsHbJoG91B6755c4WpI444y3mGvMaYWjzkM5MiXeZeFMC61mYqzYAHKTSlx9SV65NrsqiNfRB4BCYEKFBMUp4EXUJ+CMe8KM40a5RoU+bx/s",
            "cl4UEH5mEshM4nsy/mbHaZacZdpBludvzwIR4ybHS4tEiOMUxsuVwqdDVcs0RxlIUI7gvLyQeFnCHZiIMxEXZR1zlFgD30XqQemC7BSBUiZchruLjaElsn5Q",
            "QuLRPWEC7WFczDGBjPmiLLGFAs8Kit+aSR3Dwjp8zrk3sdzw7UqtNn2hNm+qEM+8VZmbpc9l0VINRYM5tDjNEmTDt3E2pDjEZNKYY4bjPgrMUQcyPpS1hnzv",
            "0IzXxwqbLqpNpIgl5LR1snCyPseOEHpUBGRtTDqiVIdr4Ez3ZQrC1mKpODP2qla0kCpKlQxBa9vJkfque0s5SwSZ2JlsqY1ioXnMuHNwu48C4lYWnqFJ5pAD",
            "LrYpWFfOMCCViqVKaOnCHG0psUfdZ0MoU9u9nctGmPFGzNIU1JPkTDQzFrBpyj2vv9N1Fse1qFMWQmN/CGsdITalTCv9O5F3IlEEYcIZtuP4neH43eD0Bp0R",
            "DU4kQlmAmoMxoNqphpddIQ1PRFpmiGBaaa67Yrk5n+Xq/yz0YDP/XFvvyNqWnwDC/Ly9PfYs31+Tj7eXzDlreX8GFlVQsR/wIHU9yf0aI1ra/N/bvP02uvfV",
            "Tj4BUEsBAhQDFAAAAAgAAAAhWGReUM39AAAAMwIAABMAAAAAAAAAAAAAAIABAAAAAFtDb250ZW50X1R5cGVzXS54bWxQSwECFAMUAAAACAAAACFYuYFEcbAA",
            "AAAqAQAACwAAAAAAAAAAAAAAgAEuAQAAX3JlbHMvLnJlbHNQSwECFAMUAAAACAAAACFYGMV/FrAAAAAhAQAAHAAAAAAAAAAAAAAAgAEHAgAAd29yZC9fcmVs",
            "cy9kb2N1bWVudC54bWwucmVsc1BLAQIUAxQAAAAIAAAAIVjvguW3rBwAAJqdAAARAAAAAAAAAAAAAACAAfECAAB3b3JkL2RvY3VtZW50LnhtbFBLAQIUAxQA",
            "AAAIAAAAIVhUlnVUbQEAALAFAAASAAAAAAAAAAAAAACAAcwfAAB3b3JkL251bWJlcmluZy54bWxQSwUGAAAAAAUABQBDAQAAaSEAAAAA",
        ].joined()
        let bytes = [UInt8](try XCTUnwrap(Data(base64Encoded: b64)))
        XCTAssertNotNil(error(bytes))
    }
}
