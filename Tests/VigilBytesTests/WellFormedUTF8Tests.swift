import Testing
import VigilBytes

@Test func wellFormedUTF8IsCheckedAcrossASCIIRuns() {
    func check(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { String.isWellFormedUTF8($0) } }
    let ascii = Array(String(repeating: "a", count: 40).utf8)
    #expect(check(ascii + Array("é€😀".utf8) + ascii))
    #expect(!check(ascii + [0xC0, 0xAF] + ascii))          // overlong
    #expect(!check(ascii + [0xED, 0xA0, 0x80] + ascii))    // surrogate
    #expect(!check(ascii + [0xF4, 0x90, 0x80, 0x80]))      // past U+10FFFF
    #expect(!check(ascii + [0xE2, 0x82]))                  // cut short
    #expect(!check(ascii + [0x80] + ascii))                // stray continuation
    #expect(check([]))
}
