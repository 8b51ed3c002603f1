;; The prefilter's automaton over UTF-8 bytes (see src/core/byte-automaton.ts, which lays out memory
;; and calls this). Assembled by scripts/build-wasm.mjs into keyword-scan-wasm.ts.
;;
;; A DFA step is a chain of dependent loads (the next state needs the previous one), so one stream
;; waits on memory latency most of the time. Two streams over the two halves of a chunk overlap
;; their chains: about twice the bytes per second of one stream.
;;
;; A hit's position is a byte address; for a chunk that is not ASCII, `toUnits` then turns the
;; positions into UTF-16 offsets, which is what the text (decoded from valid UTF-8) has there.
;;
;; Memory, all addresses in bytes: `classes` holds 256 i32 (a byte's class times 4); states are row
;; addresses of an i32 table whose entries are the next row address; rows from `acceptFrom` on are
;; accepting; `live` holds a byte per i32 of the accepting rows, read at each row's first entry (0: its
;; literals are of no interest now). Shifts, not a division by the row size: this runs per hit.
(module
  (memory (export "memory") 1)

  ;; Hits of stream B (stream A's count is the return value).
  (global $countB (export "countB") (mut i32) (i32.const 0))
  ;; The OR of the last chunk's bytes: below 0x80 means it was ASCII.
  (global $bytesOr (export "bytesOr") (mut i32) (i32.const 0))

  ;; Runs stream A over [a, aEnd) and stream B over [b, bEnd), both from the root row. A hit is an
  ;; (end position + $bias, (row - acceptFrom) / 4) pair of i32, written to outA / outB, for live accepting
  ;; rows entered after position aFrom / bFrom (earlier ones belong to the previous stream or chunk).
  ;; The two ranges together are the chunk [a, bEnd) (b <= aEnd), which sets $bytesOr.
  (func (export "scan")
    (param $a i32) (param $aFrom i32) (param $aEnd i32)
    (param $b i32) (param $bFrom i32) (param $bEnd i32)
    (param $classes i32) (param $root i32) (param $acceptFrom i32) (param $live i32)
    (param $outA i32) (param $outB i32) (param $bias i32)
    (result i32)
    (local $sa i32) (local $sb i32) (local $na i32) (local $nb i32) (local $ca i32) (local $cb i32) (local $or i32) (local $k i32)
    (local $p i32) (local $wide i64)
    (local.set $p (local.get $a))
    (local.set $sa (local.get $root))
    (local.set $sb (local.get $root))
    (local.set $na (local.get $outA))
    (local.set $nb (local.get $outB))
    (block $oneLeft
      (loop $both
        (br_if $oneLeft (i32.ge_u (local.get $a) (local.get $aEnd)))
        (br_if $oneLeft (i32.ge_u (local.get $b) (local.get $bEnd)))
        (local.set $ca (i32.load8_u (local.get $a)))
        (local.set $cb (i32.load8_u (local.get $b)))
        (local.set $sa (i32.load (i32.add (local.get $sa)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $ca) (i32.const 2)))))))
        (local.set $sb (i32.load (i32.add (local.get $sb)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $cb) (i32.const 2)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (if (i32.ge_u (local.get $sa) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sa) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.load8_u (i32.add (local.get $live) (local.get $k)))
              (then
                (if (i32.gt_u (local.get $a) (local.get $aFrom))
                  (then
                    (i32.store (local.get $na) (i32.add (local.get $a) (local.get $bias)))
                    (i32.store offset=4 (local.get $na) (local.get $k))
                    (local.set $na (i32.add (local.get $na) (i32.const 8)))))))))
        (if (i32.ge_u (local.get $sb) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sb) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.load8_u (i32.add (local.get $live) (local.get $k)))
              (then
                (if (i32.gt_u (local.get $b) (local.get $bFrom))
                  (then
                    (i32.store (local.get $nb) (i32.add (local.get $b) (local.get $bias)))
                    (i32.store offset=4 (local.get $nb) (local.get $k))
                    (local.set $nb (i32.add (local.get $nb) (i32.const 8)))))))))
        (br $both)))
    ;; The longer stream finishes alone.
    (block $doneA
      (loop $restA
        (br_if $doneA (i32.ge_u (local.get $a) (local.get $aEnd)))
        (local.set $ca (i32.load8_u (local.get $a)))
        (local.set $sa (i32.load (i32.add (local.get $sa)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $ca) (i32.const 2)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (if (i32.ge_u (local.get $sa) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sa) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.load8_u (i32.add (local.get $live) (local.get $k)))
              (then
                (if (i32.gt_u (local.get $a) (local.get $aFrom))
                  (then
                    (i32.store (local.get $na) (i32.add (local.get $a) (local.get $bias)))
                    (i32.store offset=4 (local.get $na) (local.get $k))
                    (local.set $na (i32.add (local.get $na) (i32.const 8)))))))))
        (br $restA)))
    (block $doneB
      (loop $restB
        (br_if $doneB (i32.ge_u (local.get $b) (local.get $bEnd)))
        (local.set $cb (i32.load8_u (local.get $b)))
        (local.set $sb (i32.load (i32.add (local.get $sb)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $cb) (i32.const 2)))))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (if (i32.ge_u (local.get $sb) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sb) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.load8_u (i32.add (local.get $live) (local.get $k)))
              (then
                (if (i32.gt_u (local.get $b) (local.get $bFrom))
                  (then
                    (i32.store (local.get $nb) (i32.add (local.get $b) (local.get $bias)))
                    (i32.store offset=4 (local.get $nb) (local.get $k))
                    (local.set $nb (i32.add (local.get $nb) (i32.const 8)))))))))
        (br $restB)))
    ;; Whether the chunk is ASCII: a separate pass eight bytes at a time (an OR per byte in the loops
    ;; above cost a quarter of their speed). Stream A starts the chunk and stream B ends it.
    (block $wideDone
      (loop $eachWord
        (br_if $wideDone (i32.gt_u (i32.add (local.get $p) (i32.const 8)) (local.get $bEnd)))
        (local.set $wide (i64.or (local.get $wide) (i64.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $eachWord)))
    (block $tailDone
      (loop $eachByte
        (br_if $tailDone (i32.ge_u (local.get $p) (local.get $bEnd)))
        (local.set $or (i32.or (local.get $or) (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $eachByte)))
    (local.set $wide (i64.or (local.get $wide) (i64.shr_u (local.get $wide) (i64.const 32))))
    (local.set $wide (i64.or (local.get $wide) (i64.shr_u (local.get $wide) (i64.const 16))))
    (local.set $wide (i64.or (local.get $wide) (i64.shr_u (local.get $wide) (i64.const 8))))
    (global.set $bytesOr (i32.or (local.get $or) (i32.and (i32.wrap_i64 (local.get $wide)) (i32.const 0xff))))
    (global.set $countB (i32.shr_u (i32.sub (local.get $nb) (local.get $outB)) (i32.const 3)))
    (i32.shr_u (i32.sub (local.get $na) (local.get $outA)) (i32.const 3)))

  ;; Rewrites the first i32 of each of the $n hits at $hits (as `scan` wrote them with $bias:
  ;; ascending addresses in ($p, $end]) to $units plus the number of UTF-16 units that valid UTF-8
  ;; in [$p, address) decodes to. Returns $units plus the units in [$p, $end). A lead or ASCII byte
  ;; starts one unit; a four-byte lead starts a surrogate pair.
  (func (export "toUnits") (param $p i32) (param $end i32) (param $hits i32) (param $n i32) (param $bias i32) (param $units i32) (result i32)
    (local $target i32) (local $b i32)
    (block $hitsDone
      (loop $eachHit
        (br_if $hitsDone (i32.eqz (local.get $n)))
        (local.set $target (i32.sub (i32.load (local.get $hits)) (local.get $bias)))
        (block $reached
          (loop $count
            (br_if $reached (i32.ge_u (local.get $p) (local.get $target)))
            (local.set $b (i32.load8_u (local.get $p)))
            (local.set $units (i32.add (local.get $units)
              (i32.add (i32.ne (i32.and (local.get $b) (i32.const 0xc0)) (i32.const 0x80))
                       (i32.ge_u (local.get $b) (i32.const 0xf0)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $count)))
        (i32.store (local.get $hits) (local.get $units))
        (local.set $hits (i32.add (local.get $hits) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $eachHit)))
    (block $done
      (loop $rest
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load8_u (local.get $p)))
        (local.set $units (i32.add (local.get $units)
          (i32.add (i32.ne (i32.and (local.get $b) (i32.const 0xc0)) (i32.const 0x80))
                   (i32.ge_u (local.get $b) (i32.const 0xf0)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $rest)))
    (local.get $units))

  ;; The text's stand-in for RegExp confirmation, written to $out: ASCII bytes as they are, each
  ;; other character as one byte per UTF-16 unit, 0xA0 for a JavaScript whitespace character and
  ;; 0xFF for any other, so that keyword patterns written in ASCII (\s, \w, [^…], /i) see the same
  ;; classes at the same offsets as in the decoded text. Returns the length, or -1 for input that is
  ;; not valid UTF-8 or holds U+2028 / U+2029 (line terminators: no stand-in keeps `.` and `$`).
  (func (export "view") (param $p i32) (param $end i32) (param $out i32) (result i32)
    (local $start i32) (local $b i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $cp i32) (local $word i64)
    (local.set $start (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; Eight ASCII bytes at once: most of a file that is not ASCII is.
        (if (i32.le_u (i32.add (local.get $p) (i32.const 8)) (local.get $end))
          (then
            (local.set $word (i64.load (local.get $p)))
            (if (i64.eqz (i64.and (local.get $word) (i64.const 0x8080808080808080)))
              (then
                (i64.store (local.get $out) (local.get $word))
                (local.set $out (i32.add (local.get $out) (i32.const 8)))
                (local.set $p (i32.add (local.get $p) (i32.const 8)))
                (br $next)))))
        (local.set $b (i32.load8_u (local.get $p)))
        (if (i32.lt_u (local.get $b) (i32.const 0x80))
          (then
            (i32.store8 (local.get $out) (local.get $b))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $next)))
        ;; Two bytes: C2..DF, one continuation.
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xc2)) (i32.le_u (local.get $b) (i32.const 0xdf)))
          (then
            (br_if $done (i32.ge_u (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
            (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
            (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (local.set $cp (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6)) (i32.and (local.get $c1) (i32.const 0x3f))))
            (i32.store8 (local.get $out) (select (i32.const 0xa0) (i32.const 0xff) (i32.eq (local.get $cp) (i32.const 0xa0))))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br $next)))
        ;; Three bytes: E0..EF; E0 needs A0..BF next (no overlong), ED 80..9F (no surrogate).
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xe0)) (i32.le_u (local.get $b) (i32.const 0xef)))
          (then
            (br_if $done (i32.ge_u (i32.add (local.get $p) (i32.const 2)) (local.get $end)))
            (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
            (local.set $c2 (i32.load8_u offset=2 (local.get $p)))
            (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (if (i32.ne (i32.and (local.get $c2) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xe0)) (i32.lt_u (local.get $c1) (i32.const 0xa0))) (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xed)) (i32.gt_u (local.get $c1) (i32.const 0x9f))) (then (return (i32.const -1))))
            (local.set $cp (i32.or (i32.or
              (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
              (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 6)))
              (i32.and (local.get $c2) (i32.const 0x3f))))
            (if (i32.or (i32.eq (local.get $cp) (i32.const 0x2028)) (i32.eq (local.get $cp) (i32.const 0x2029))) (then (return (i32.const -1))))
            (i32.store8 (local.get $out)
              (select (i32.const 0xa0) (i32.const 0xff)
                (i32.or (i32.or (i32.or (i32.eq (local.get $cp) (i32.const 0x1680))
                                        (i32.and (i32.ge_u (local.get $cp) (i32.const 0x2000)) (i32.le_u (local.get $cp) (i32.const 0x200a))))
                                (i32.or (i32.eq (local.get $cp) (i32.const 0x202f)) (i32.eq (local.get $cp) (i32.const 0x205f))))
                        (i32.or (i32.eq (local.get $cp) (i32.const 0x3000)) (i32.eq (local.get $cp) (i32.const 0xfeff))))))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $p (i32.add (local.get $p) (i32.const 3)))
            (br $next)))
        ;; Four bytes: F0..F4; F0 needs 90..BF next, F4 80..8F (at most U+10FFFF). Two units.
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xf0)) (i32.le_u (local.get $b) (i32.const 0xf4)))
          (then
            (br_if $done (i32.ge_u (i32.add (local.get $p) (i32.const 3)) (local.get $end)))
            (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
            (local.set $c2 (i32.load8_u offset=2 (local.get $p)))
            (local.set $c3 (i32.load8_u offset=3 (local.get $p)))
            (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (if (i32.ne (i32.and (local.get $c2) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (if (i32.ne (i32.and (local.get $c3) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xf0)) (i32.lt_u (local.get $c1) (i32.const 0x90))) (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xf4)) (i32.gt_u (local.get $c1) (i32.const 0x8f))) (then (return (i32.const -1))))
            (i32.store16 (local.get $out) (i32.const 0xffff))
            (local.set $out (i32.add (local.get $out) (i32.const 2)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $next)))
        (return (i32.const -1))))
    ;; A sequence cut off by the end of the input is not valid either.
    (if (i32.lt_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
    (i32.sub (local.get $out) (local.get $start))))
