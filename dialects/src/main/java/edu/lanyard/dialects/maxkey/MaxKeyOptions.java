package edu.lanyard.dialects.maxkey;

import edu.lanyard.dialects.OptionsReader;
import edu.lanyard.dialects.OptionsSchema;
import edu.lanyard.dialects.ProfileOptions;

import java.time.ZoneId;

/**
 * MaxKey's switches, shared by the {@code /api/sso} derivative (docs/migrating.md).
 *
 * @param remindIn               per client: adds {@code remind_in} = {@code expires_in}, as MaxKey's docs showed
 * @param emptyClientAuthFailure mount: a failed client authentication answers the real filter's empty 200 body
 * @param uuidTokenCheck         mount: {@code /me} and the token endpoint reject tokens and codes not shaped as UUIDs
 * @param timeZone               mount: the zone of the profile's {@code createdate}
 */
public record MaxKeyOptions(ProfileOptions profile, boolean remindIn, boolean emptyClientAuthFailure,
                            boolean uuidTokenCheck, ZoneId timeZone) {
    public static final OptionsSchema<MaxKeyOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("remindIn", "emptyClientAuthFailure", "uuidTokenCheck", "timeZone"),
            ProfileOptions.with("remindIn"),
            new MaxKeyOptions(ProfileOptions.DEFAULTS, false, false, true, ZoneId.systemDefault()),
            MaxKeyOptions::read);

    private static MaxKeyOptions read(OptionsReader in, MaxKeyOptions base) {
        return new MaxKeyOptions(ProfileOptions.read(in, base.profile()),
                in.bool("remindIn", base.remindIn()),
                in.bool("emptyClientAuthFailure", base.emptyClientAuthFailure()),
                in.bool("uuidTokenCheck", base.uuidTokenCheck()),
                in.zone("timeZone", base.timeZone()));
    }
}
