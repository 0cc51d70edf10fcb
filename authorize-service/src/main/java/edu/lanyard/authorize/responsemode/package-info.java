/**
 * Response modes as strategies: how an authorization response's parameters reach the client (query, fragment,
 * auto-posted form, or a product's query-and-fragment). {@link edu.lanyard.authorize.responsemode.ResponseModes}
 * picks one by name; each answers a {@link edu.lanyard.authorize.responsemode.FrontChannelReply} that the endpoint
 * writes, so the wire form of every mode is tested without a server.
 */
package edu.lanyard.authorize.responsemode;
