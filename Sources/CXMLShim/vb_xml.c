#include "vb_xml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

static void set_error(char *err, int32_t cap, const char *msg) {
    if (!err || cap <= 0) return;
    snprintf(err, (size_t)cap, "%s", msg ? msg : "unknown error");
    /* one line */
    for (char *p = err; *p; p++) if (*p == '\n' || *p == '\r') { *p = '\0'; break; }
}

/* Case-insensitive search for a short ASCII needle. */
static int contains_ci(const char *buf, int32_t len, const char *needle) {
    size_t n = strlen(needle);
    if ((size_t)len < n) return 0;
    for (int32_t i = 0; i + (int32_t)n <= len; i++) {
        size_t k = 0;
        while (k < n) {
            char c = buf[i + k];
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (c != needle[k]) break;
            k++;
        }
        if (k == n) return 1;
    }
    return 0;
}

vb_xml_doc *vb_xml_parse(const char *buf, int32_t len, int32_t html, char *err, int32_t errcap) {
    xmlDocPtr doc = NULL;
    if (html) {
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        if (!ctxt) { set_error(err, errcap, "out of memory"); return NULL; }
        int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;
        doc = htmlCtxtReadMemory(ctxt, buf, len, NULL, "UTF-8", opts);
        if (!doc) {
            const xmlError *e = xmlCtxtGetLastError(ctxt);
            set_error(err, errcap, e && e->message ? e->message : "the HTML could not be parsed");
        }
        htmlFreeParserCtxt(ctxt);
    } else {
        if (contains_ci(buf, len, "<!doctype") || contains_ci(buf, len, "<!entity")) {
            set_error(err, errcap, "the XML declares a DTD or entities, which a Word document never needs");
            return NULL;
        }
        xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
        if (!ctxt) { set_error(err, errcap, "out of memory"); return NULL; }
        int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
        doc = xmlCtxtReadMemory(ctxt, buf, len, NULL, NULL, opts);
        if (!doc) {
            const xmlError *e = xmlCtxtGetLastError(ctxt);
            set_error(err, errcap, e && e->message ? e->message : "the XML could not be parsed");
        }
        xmlFreeParserCtxt(ctxt);
    }
    return (vb_xml_doc *)doc;
}

void vb_xml_free(vb_xml_doc *doc) {
    if (doc) xmlFreeDoc((xmlDocPtr)doc);
}

const vb_xml_node *vb_xml_root(const vb_xml_doc *doc) {
    return doc ? (const vb_xml_node *)xmlDocGetRootElement((xmlDocPtr)doc) : NULL;
}

const vb_xml_node *vb_node_first_child(const vb_xml_node *node) {
    return node ? (const vb_xml_node *)((xmlNodePtr)node)->children : NULL;
}

const vb_xml_node *vb_node_next(const vb_xml_node *node) {
    return node ? (const vb_xml_node *)((xmlNodePtr)node)->next : NULL;
}

int32_t vb_node_kind(const vb_xml_node *node) {
    if (!node) return 0;
    switch (((xmlNodePtr)node)->type) {
    case XML_ELEMENT_NODE: return 1;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return 2;
    default: return 0;
    }
}

const char *vb_node_name(const vb_xml_node *node) {
    return node ? (const char *)((xmlNodePtr)node)->name : NULL;
}

const char *vb_node_namespace(const vb_xml_node *node) {
    xmlNsPtr ns = node ? ((xmlNodePtr)node)->ns : NULL;
    return ns ? (const char *)ns->href : NULL;
}

const char *vb_node_text(const vb_xml_node *node) {
    if (vb_node_kind(node) != 2) return NULL;
    return (const char *)((xmlNodePtr)node)->content;
}

const vb_xml_node *vb_node_first_attribute(const vb_xml_node *node) {
    if (vb_node_kind(node) != 1) return NULL;
    return (const vb_xml_node *)((xmlNodePtr)node)->properties;
}

const vb_xml_node *vb_attribute_next(const vb_xml_node *attr) {
    return attr ? (const vb_xml_node *)((xmlAttrPtr)attr)->next : NULL;
}

const char *vb_attribute_name(const vb_xml_node *attr) {
    return attr ? (const char *)((xmlAttrPtr)attr)->name : NULL;
}

const char *vb_attribute_namespace(const vb_xml_node *attr) {
    xmlNsPtr ns = attr ? ((xmlAttrPtr)attr)->ns : NULL;
    return ns ? (const char *)ns->href : NULL;
}

char *vb_attribute_value(const vb_xml_node *attr) {
    if (!attr) return NULL;
    xmlAttrPtr a = (xmlAttrPtr)attr;
    return (char *)xmlNodeListGetString(a->doc, a->children, 1);
}

void vb_string_free(char *s) {
    if (s) xmlFree(s);
}

#include <zlib.h>

long vb_inflate_raw(const unsigned char *in, unsigned long in_length, unsigned char *out, unsigned long out_capacity) {
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return -1;
    s.next_in = (Bytef *)in;
    s.avail_in = (uInt)(in_length > 0xFFFFFFFFul ? 0xFFFFFFFFul : in_length);
    s.next_out = out;
    s.avail_out = (uInt)(out_capacity > 0xFFFFFFFFul ? 0xFFFFFFFFul : out_capacity);
    long result;
    for (;;) {
        uInt before_in = s.avail_in, before_out = s.avail_out;
        int rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) { result = (long)(out_capacity - s.avail_out); break; }
        if (rc != Z_OK && rc != Z_BUF_ERROR) { result = -1; break; }
        if (s.avail_out == 0) { result = -2; break; }
        /* No progress (input used up, or damaged data that zlib waits on): stop. */
        if (s.avail_in == before_in && s.avail_out == before_out) { result = s.avail_in == 0 ? (long)(out_capacity - s.avail_out) : -1; break; }
    }
    inflateEnd(&s);
    return result;
}
