#ifndef EARSHOT_CLIBXML2_SHIM_H
#define EARSHOT_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU's, which clash with Foundation in one module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void earshot_xmlFree(void *p) { xmlFree(p); }
#include <string.h>

/// A growable byte buffer's storage: what Swift's `TextBuffer` holds, so that the text callback
/// below can append to it.
typedef struct {
    unsigned char *base;
    /// The bytes the text may fill; the storage at `base` holds `EARSHOT_TEXT_SLACK` more, which
    /// the text callback may write past the end of a short run (never counted).
    long capacity;
    long count;
} earshot_text_buffer;

/// The bytes an `earshot_text_buffer`'s storage holds past its capacity.
#define EARSHOT_TEXT_SLACK 16

/// What the push parser's text callbacks need, pointed at by its context's `_private` and kept
/// up to date by `XMLPushParser` after each event.
typedef struct {
    /// The `XMLPushParser`, unretained.
    void *owner;
    /// The context it reads: the parsers libxml2 starts inside to check an entity share `_private`.
    xmlParserCtxtPtr context;
    /// Where a text run read now is copied as it is, or NULL (nobody keeps text, it is escaped
    /// where it goes, or reading stopped): then `text` decides.
    earshot_text_buffer *target;
    /// Whether the Swift callback has anything to do with a run when `target` is NULL (text is
    /// kept escaped, or by a sink that is not an assembler); when not, such a run is dropped here.
    int wants_other;
    /// Bytes of text read since the size limit was last checked.
    long unchecked;
    /// The Swift text callback, for every run the fast path below does not take.
    void (*text)(void *, const xmlChar *, int);
} earshot_sax_text;

/// The state of the `XMLPushParser` reading `ctx`, or NULL for a context of none (the parsers
/// libxml2 starts inside to check an entity's content, whose text builds the entity's nodes).
static inline earshot_sax_text *earshot_sax_state(void *ctx) {
    xmlParserCtxtPtr context = (xmlParserCtxtPtr)ctx;
    if (context == NULL) return NULL;
    earshot_sax_text *state = (earshot_sax_text *)context->_private;
    return state != NULL && state->context == context ? state : NULL;
}

/// A text run of a context of `state`: appended to the current target when it fits and keeps the
/// unchecked count below 64 KB (past it the Swift callback checks the size limit), dropped when
/// nobody keeps it (`target` NULL, `wants_other` false), else handed to the Swift callback. Every
/// call is the last thing done (the copy too, after the counts): no registers to save, no frame.
static inline void earshot_sax_text_run(earshot_sax_text *state, void *ctx, const xmlChar *text, int length) {
    earshot_text_buffer *target = state->target;
    if (target == NULL) {
        if (state->wants_other) state->text(ctx, text, length);
        return;
    }
    // One unsigned compare for both "at least one byte" and "the unchecked count stays below 64 KB"
    // (`unchecked` is below 65536 between runs): a length of 0 or less wraps to the largest value.
    if (text == NULL || (unsigned long)((long)length - 1) >= (unsigned long)(65535 - state->unchecked)
        || length > target->capacity - target->count) {
        state->text(ctx, text, length);
        return;
    }
    unsigned char *end = target->base + target->count;
    target->count += length;
    state->unchecked += length;
    // Up to sixteen bytes (a reference's character alone, a word between two references: most
    // runs of escaped HTML) as one copy of sixteen, with no call and no branch on the length,
    // when the sixteen bytes read from `text` stay in its page (the bytes past the run are read,
    // never kept: the count ends the text). The target always has room: its storage holds
    // `EARSHOT_TEXT_SLACK` bytes past its capacity. Splitting at two bytes, as before,
    // mispredicted on about half the runs of an escaped summary.
    if (length <= 16 && ((unsigned long)text & 4095) <= 4096 - 16) {
        memcpy(end, text, 16);
        return;
    }
    memcpy(end, text, (size_t)length);
}

/// libxml2's `characters` (and `ignorableWhitespace`) callback: ``earshot_sax_text_run``, or
/// libxml2's own default for a context of no `XMLPushParser`.
static void earshot_sax_characters(void *ctx, const xmlChar *text, int length) {
    earshot_sax_text *state = earshot_sax_state(ctx);
    if (state == NULL) { xmlSAX2Characters(ctx, text, length); return; }
    earshot_sax_text_run(state, ctx, text, length);
}

/// libxml2's `cdataBlock` callback, as `earshot_sax_characters` (CDATA is text to the parser). An
/// empty block (libxml2's mark of an empty section) adds no text: it returns at once, which also
/// keeps the compiler from merging the two callbacks into one body behind a jump (the text
/// callback is called some 300,000 times on an 8 MB feed).
static void earshot_sax_cdata(void *ctx, const xmlChar *text, int length) {
    earshot_sax_text *state = earshot_sax_state(ctx);
    if (state == NULL) { xmlSAX2CDataBlock(ctx, text, length); return; }
    if (length <= 0) return;
    earshot_sax_text_run(state, ctx, text, length);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Sixteen bytes, as Swift's `SIMD16<UInt8>`.
typedef unsigned char earshot_lanes16 __attribute__((ext_vector_type(16)));

/// The high bit of each of the sixteen bytes, lane `i` in bit `i` (`pmovmskb`, which Swift's SIMD
/// types do not offer): a byte scanner's compare results become one word whose lowest bit set is
/// the first byte that matched. Inlined into the Swift caller.
static inline unsigned earshot_high_bits16(earshot_lanes16 lanes) {
#if defined(__SSE2__)
    return (unsigned)_mm_movemask_epi8((__m128i)lanes);
#else
    unsigned bits = 0;
    for (int i = 0; i < 16; i++) bits |= (unsigned)(lanes[i] >> 7) << i;
    return bits;
#endif
}
#endif
