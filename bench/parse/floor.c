/*
 * The floor for `earshot parse-feed` (issue 3): the least a program can do to read a feed with
 * libxml2 and keep its text. It reads FILE with libxml2 and copies every text and CDATA node
 * into one reused buffer, in one of two ways:
 *
 *   floor sax FILE     SAX2 push parser, the file fed in 64 KB chunks
 *   floor reader FILE  xmlTextReader streaming from the file
 *
 * Same safety options as earshot (XML_PARSE_NONET, no entity substitution, recovery). Prints the
 * number of elements, text nodes and text bytes, so the work cannot be optimised away.
 * Build: cc -O2 floor.c $(pkg-config --cflags --libs libxml-2.0) -o floor
 */
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *copy_buf;
static size_t copy_cap;
static unsigned long elements, texts, text_bytes;

static void copy_text(const xmlChar *text, int len) {
    if ((size_t)len + 1 > copy_cap) {
        copy_cap = (size_t)len * 2 + 1;
        copy_buf = realloc(copy_buf, copy_cap);
    }
    memcpy(copy_buf, text, (size_t)len);
    copy_buf[len] = 0;
    texts++;
    text_bytes += (unsigned long)len;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    elements++;
}

static void on_text(void *ctx, const xmlChar *text, int len) { (void)ctx; copy_text(text, len); }

static void on_error(void *ctx, const xmlError *error) { (void)ctx; (void)error; }

static const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;

static int run_sax(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return 1; }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.serror = (xmlStructuredErrorFunc)on_error;
    char chunk[65536];
    size_t n = fread(chunk, 1, 4, file);
    xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&sax, NULL, chunk, (int)n, path);
    xmlCtxtUseOptions(ctx, options);
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0) xmlParseChunk(ctx, chunk, (int)n, 0);
    xmlParseChunk(ctx, chunk, 0, 1);
    xmlFreeParserCtxt(ctx);
    fclose(file);
    return 0;
}

static int run_reader(const char *path) {
    xmlTextReaderPtr reader = xmlReaderForFile(path, NULL, options);
    if (!reader) { fprintf(stderr, "%s: cannot open\n", path); return 1; }
    xmlTextReaderSetStructuredErrorHandler(reader, (xmlStructuredErrorFunc)on_error, NULL);
    while (xmlTextReaderRead(reader) == 1) {
        int type = xmlTextReaderNodeType(reader);
        if (type == XML_READER_TYPE_ELEMENT) {
            elements++;
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_WHITESPACE) {
            const xmlChar *value = xmlTextReaderConstValue(reader);
            if (value) copy_text(value, (int)strlen((const char *)value));
        }
    }
    xmlFreeTextReader(reader);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "sax") && strcmp(argv[1], "reader"))) {
        fprintf(stderr, "usage: %s sax|reader FILE\n", argv[0]);
        return 2;
    }
    int status = strcmp(argv[1], "sax") == 0 ? run_sax(argv[2]) : run_reader(argv[2]);
    printf("elements=%lu texts=%lu text_bytes=%lu\n", elements, texts, text_bytes);
    free(copy_buf);
    return status;
}
