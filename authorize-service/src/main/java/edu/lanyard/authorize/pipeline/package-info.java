/**
 * The authorization endpoint as a pipeline of named steps, one small class each. {@link
 * edu.lanyard.authorize.pipeline.AuthorizationSteps} is the table of which endpoint runs which steps; each step reads
 * the {@link edu.lanyard.authorize.pipeline.AuthorizationState} and answers a
 * {@link edu.lanyard.authorize.pipeline.StepResult}: continue, or an answer that ends the run.
 *
 * <p>The order carries RFC 6749 §4.1.2.1: until check redirect URI has passed there is nowhere trusted to send an
 * error, so it is Lanyard's page; from then on every error goes back to the client. {@link
 * edu.lanyard.authorize.pipeline.Pipeline} refuses a page after that point.
 *
 * <p>Steps touch no HTTP request and no cluster: what they need from a store is a small interface here
 * ({@link edu.lanyard.authorize.pipeline.SessionLookup}, {@link edu.lanyard.authorize.pipeline.PendingAuthorizations},
 * {@link edu.lanyard.authorize.pipeline.Consents}, {@link edu.lanyard.authorize.pipeline.ResponseIssuer}), so each
 * step is tested alone with in-memory ones. The endpoints write the answers
 * ({@link edu.lanyard.authorize.AuthorizationOutcomes}).
 */
package edu.lanyard.authorize.pipeline;
