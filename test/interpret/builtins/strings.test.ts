import { describe, expect, it } from "vitest";
import { CelList } from "../../../compiler/values.js";
import { bytes, call, expectError, list, map } from "./support.js";

const items = (v: unknown) => (v as CelList).items;

describe("size", () => {
  it("counts code points of strings, bytes of bytes, elements and entries", () => {
    for (const id of ["size_string", "string_size"]) {
      expect(call(id, "")).toBe(0n);
      expect(call(id, "héllo")).toBe(5n);
      expect(call(id, "😀a")).toBe(2n);
    }
    for (const id of ["size_bytes", "bytes_size"]) expect(call(id, bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(4n);
    for (const id of ["size_list", "list_size"]) expect(call(id, list(1n, list(2n, 3n)))).toBe(2n);
    for (const id of ["size_map", "map_size"]) expect(call(id, map(["a", 1n], [1n, 2n]))).toBe(2n);
  });
});

describe("string predicates", () => {
  it("contains / startsWith / endsWith, with the empty string everywhere", () => {
    expect(call("contains_string", "hello", "ell")).toBe(true);
    expect(call("contains_string", "hello", "")).toBe(true);
    expect(call("contains_string", "", "a")).toBe(false);
    expect(call("starts_with_string", "😀x", "😀")).toBe(true);
    expect(call("starts_with_string", "abc", "abcd")).toBe(false);
    expect(call("ends_with_string", "abc", "")).toBe(true);
    expect(call("ends_with_string", "abc", "bc")).toBe(true);
    expect(call("ends_with_string", "abc", "ab")).toBe(false);
  });

  it("matches is an unanchored RE2 search", () => {
    for (const id of ["matches_string", "matches"]) {
      expect(call(id, "hello world", "o w")).toBe(true);
      expect(call(id, "hello", "^ell")).toBe(false);
      expect(call(id, "hello", "^h.*o$")).toBe(true);
      expect(call(id, "", "")).toBe(true);
      expect(call(id, "é", "^.$")).toBe(true); // `.` is one code point
      expect(call(id, "😀", "^.$")).toBe(true);
      expect(call(id, "ABC", "(?i)abc")).toBe(true);
    }
  });

  it("matches rejects what RE2 rejects, as an error value", () => {
    expectError(call("matches_string", "aa", "(a)\\1"));
    expectError(call("matches_string", "ab", "a(?=b)"));
    expectError(call("matches_string", "x", "("));
    expectError(call("matches", "x", "a**"));
  });
});

describe("charAt", () => {
  it("indexes code points; the length gives the empty string; beyond is an error", () => {
    expect(call("string_char_at_int", "©αT", 1n)).toBe("α");
    expect(call("string_char_at_int", "a😀b", 1n)).toBe("😀");
    expect(call("string_char_at_int", "a😀b", 2n)).toBe("b");
    expect(call("string_char_at_int", "tacocat", 7n)).toBe("");
    expectError(call("string_char_at_int", "tacocat", 30n), /index out of range: 30/);
    expectError(call("string_char_at_int", "tacocat", -1n), /index out of range: -1/);
  });
});

describe("indexOf / lastIndexOf", () => {
  it("finds code-point positions", () => {
    expect(call("string_index_of_string", "ta©o©αT", "©")).toBe(2n);
    expect(call("string_index_of_string", "😀😀x", "x")).toBe(2n);
    expect(call("string_index_of_string_int", "ta©o©αT", "©αT", 3n)).toBe(4n);
    expect(call("string_index_of_string_int", "ta©o©αT", "©α", 5n)).toBe(-1n);
    expect(call("string_last_index_of_string", "ta©o©αT", "©")).toBe(4n);
    expect(call("string_last_index_of_string_int", "bananananana", "nana", 7n)).toBe(6n);
    expect(call("string_last_index_of_string_int", "ta©o©αT", "©α", 4n)).toBe(4n);
    expect(call("string_last_index_of_string", "", "@@")).toBe(-1n);
  });

  it("finds the empty string at the offset", () => {
    expect(call("string_index_of_string", "tacocat", "")).toBe(0n);
    expect(call("string_index_of_string_int", "tacocat", "", 3n)).toBe(3n);
    expect(call("string_last_index_of_string", "tacocat", "")).toBe(7n);
    expect(call("string_last_index_of_string_int", "tacocat", "", 3n)).toBe(3n);
  });

  it("reports offsets outside the string as errors", () => {
    expectError(call("string_index_of_string_int", "tacocat", "a", 30n), /index out of range: 30/);
    expectError(call("string_index_of_string_int", "tacocat", "a", -1n), /index out of range: -1/);
    expectError(call("string_last_index_of_string_int", "tacocat", "a", 30n), /index out of range: 30/);
    expectError(call("string_last_index_of_string_int", "tacocat", "a", -1n), /index out of range: -1/);
  });
});

describe("substring", () => {
  it("slices by code points", () => {
    expect(call("string_substring_int", "tacocat", 4n)).toBe("cat");
    expect(call("string_substring_int", "tacocat", 7n)).toBe("");
    expect(call("string_substring_int_int", "ta©o©αT", 2n, 6n)).toBe("©o©α");
    expect(call("string_substring_int_int", "😀😀😀", 1n, 2n)).toBe("😀");
    expect(call("string_substring_int_int", "tacocat", 4n, 4n)).toBe("");
  });

  it("reports bad ranges as errors", () => {
    expectError(call("string_substring_int", "tacocat", 40n), /index out of range: 40/);
    expectError(call("string_substring_int", "tacocat", -1n), /index out of range: -1/);
    expectError(call("string_substring_int_int", "tacocat", 49n, 50n), /index out of range: 49/);
    expectError(call("string_substring_int_int", "tacocat", 1n, 50n), /index out of range: 50/);
    expectError(call("string_substring_int_int", "tacocat", 4n, 3n));
  });
});

describe("case, trim, reverse", () => {
  it("changes the case of ASCII letters only", () => {
    expect(call("string_lower_ascii", "TacoCÀt ÉÇ 1")).toBe("tacocÀt ÉÇ 1");
    expect(call("string_upper_ascii", "tacoCàt éç 1")).toBe("TACOCàT éç 1");
  });

  it("trims Unicode white space (Go's unicode.IsSpace), not U+FEFF or U+200B", () => {
    expect(call("string_trim", " \t\n\v\f\r\u0085\u00a0\u2003\u3000 text \u2028")).toBe("text");
    expect(call("string_trim", "\ufefftext\u200b")).toBe("\ufefftext\u200b");
    expect(call("string_trim", "  ")).toBe("");
    expect(call("string_trim", "a b")).toBe("a b");
  });

  it("reverses code points, keeping surrogate pairs together", () => {
    expect(call("string_reverse", "abc")).toBe("cba");
    expect(call("string_reverse", "a😀é")).toBe("é😀a");
    expect(call("string_reverse", "")).toBe("");
  });
});

describe("replace", () => {
  it("replaces all or the first n occurrences", () => {
    expect(call("string_replace_string_string", "banana", "a", "o")).toBe("bonono");
    expect(call("string_replace_string_string_int", "banana", "a", "o", 2n)).toBe("bonona");
    expect(call("string_replace_string_string_int", "banana", "a", "o", 0n)).toBe("banana");
    expect(call("string_replace_string_string_int", "banana", "a", "o", -1n)).toBe("bonono");
    expect(call("string_replace_string_string", "aaa", "aa", "b")).toBe("ba");
    expect(call("string_replace_string_string", "abc", "x", "y")).toBe("abc");
  });

  it("with an empty pattern and a limit inserts before code points (Go's strings.Replace)", () => {
    expect(call("string_replace_string_string_int", "abc", "", "-", 2n)).toBe("-a-bc");
    expect(call("string_replace_string_string_int", "😀b", "", "-", 1n)).toBe("-😀b");
  });

  it("with an empty pattern and no limit inserts around every code point (Go's strings.Replace)", () => {
    expect(call("string_replace_string_string", "ab", "", "-")).toBe("-a-b-");
    expect(call("string_replace_string_string", "😀", "", "-")).toBe("-😀-");
    expect(call("string_replace_string_string", "", "", "-")).toBe("-");
    expect(call("string_replace_string_string_int", "ab", "", "-", -1n)).toBe("-a-b-");
  });
});

describe("split and join", () => {
  it("splits like Go's strings.SplitN", () => {
    expect(items(call("string_split_string", "a,b,,c", ","))).toEqual(["a", "b", "", "c"]);
    expect(items(call("string_split_string", "", ","))).toEqual([""]);
    expect(items(call("string_split_string", "a😀b", ""))).toEqual(["a", "😀", "b"]);
    expect(items(call("string_split_string", "", ""))).toEqual([]);
    expect(items(call("string_split_string_int", "a,b,c", ",", 2n))).toEqual(["a", "b,c"]);
    expect(items(call("string_split_string_int", "a,b,c", ",", 1n))).toEqual(["a,b,c"]);
    expect(items(call("string_split_string_int", "a,b,c", ",", 0n))).toEqual([]);
    expect(items(call("string_split_string_int", "a,b,c", ",", -1n))).toEqual(["a", "b", "c"]);
    expect(items(call("string_split_string_int", "a,b,c", ",", 10n))).toEqual(["a", "b", "c"]);
    expect(items(call("string_split_string_int", "abc", "", 2n))).toEqual(["a", "bc"]);
  });

  it("joins with and without a separator", () => {
    expect(call("list_join", list("a", "b", "c"))).toBe("abc");
    expect(call("list_join_string", list("a", "b", "c"), ", ")).toBe("a, b, c");
    expect(call("list_join_string", list(), ", ")).toBe("");
    expect(call("list_join_string", list("x"), ", ")).toBe("x");
  });
});

describe("strings.quote", () => {
  it("quotes and escapes like cel-go", () => {
    expect(call("strings_quote", "hello")).toBe('"hello"');
    expect(call("strings_quote", 'a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(call("strings_quote", "\u0007\b\f\n\r\t\v")).toBe('"\\a\\b\\f\\n\\r\\t\\v"');
    expect(call("strings_quote", "é😀")).toBe('"é😀"');
    expect(call("strings_quote", "")).toBe('""');
  });

  it("replaces unpaired surrogates (invalid UTF-8 in Go) with U+FFFD", () => {
    expect(call("strings_quote", "a\ud800b")).toBe('"a\ufffdb"');
  });
});
