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
  ;; The OR of every byte scanned: below 0x80 means the chunk was ASCII.
  (global $bytesOr (export "bytesOr") (mut i32) (i32.const 0))

  ;; Runs stream A over [a, aEnd) and stream B over [b, bEnd), both from the root row. A hit is an
  ;; (end position + $bias, (row - acceptFrom) / 4) pair of i32, written to outA / outB, for live accepting
  ;; rows entered after position aFrom / bFrom (earlier ones belong to the previous stream or chunk).
  (func (export "scan")
    (param $a i32) (param $aFrom i32) (param $aEnd i32)
    (param $b i32) (param $bFrom i32) (param $bEnd i32)
    (param $classes i32) (param $root i32) (param $acceptFrom i32) (param $live i32)
    (param $outA i32) (param $outB i32) (param $bias i32)
    (result i32)
    (local $sa i32) (local $sb i32) (local $na i32) (local $nb i32) (local $ca i32) (local $cb i32) (local $or i32) (local $k i32)
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
        (local.set $or (i32.or (local.get $or) (i32.or (local.get $ca) (local.get $cb))))
        (local.set $sa (i32.load (i32.add (local.get $sa)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $ca) (i32.const 2)))))))
        (local.set $sb (i32.load (i32.add (local.get $sb)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $cb) (i32.const 2)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (if (i32.ge_u (local.get $sa) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sa) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.and (i32.gt_u (local.get $a) (local.get $aFrom)) (i32.load8_u (i32.add (local.get $live) (local.get $k))))
              (then
                (i32.store (local.get $na) (i32.add (local.get $a) (local.get $bias)))
                (i32.store offset=4 (local.get $na) (local.get $k))
                (local.set $na (i32.add (local.get $na) (i32.const 8)))))))
        (if (i32.ge_u (local.get $sb) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sb) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.and (i32.gt_u (local.get $b) (local.get $bFrom)) (i32.load8_u (i32.add (local.get $live) (local.get $k))))
              (then
                (i32.store (local.get $nb) (i32.add (local.get $b) (local.get $bias)))
                (i32.store offset=4 (local.get $nb) (local.get $k))
                (local.set $nb (i32.add (local.get $nb) (i32.const 8)))))))
        (br $both)))
    ;; The longer stream finishes alone.
    (block $doneA
      (loop $restA
        (br_if $doneA (i32.ge_u (local.get $a) (local.get $aEnd)))
        (local.set $ca (i32.load8_u (local.get $a)))
        (local.set $or (i32.or (local.get $or) (local.get $ca)))
        (local.set $sa (i32.load (i32.add (local.get $sa)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $ca) (i32.const 2)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (if (i32.ge_u (local.get $sa) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sa) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.and (i32.gt_u (local.get $a) (local.get $aFrom)) (i32.load8_u (i32.add (local.get $live) (local.get $k))))
              (then
                (i32.store (local.get $na) (i32.add (local.get $a) (local.get $bias)))
                (i32.store offset=4 (local.get $na) (local.get $k))
                (local.set $na (i32.add (local.get $na) (i32.const 8)))))))
        (br $restA)))
    (block $doneB
      (loop $restB
        (br_if $doneB (i32.ge_u (local.get $b) (local.get $bEnd)))
        (local.set $cb (i32.load8_u (local.get $b)))
        (local.set $or (i32.or (local.get $or) (local.get $cb)))
        (local.set $sb (i32.load (i32.add (local.get $sb)
          (i32.load (i32.add (local.get $classes) (i32.shl (local.get $cb) (i32.const 2)))))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (if (i32.ge_u (local.get $sb) (local.get $acceptFrom))
          (then
            (local.set $k (i32.shr_u (i32.sub (local.get $sb) (local.get $acceptFrom)) (i32.const 2)))
            (if (i32.and (i32.gt_u (local.get $b) (local.get $bFrom)) (i32.load8_u (i32.add (local.get $live) (local.get $k))))
              (then
                (i32.store (local.get $nb) (i32.add (local.get $b) (local.get $bias)))
                (i32.store offset=4 (local.get $nb) (local.get $k))
                (local.set $nb (i32.add (local.get $nb) (i32.const 8)))))))
        (br $restB)))
    (global.set $bytesOr (local.get $or))
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
    (local.get $units)))
