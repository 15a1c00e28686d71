import { Field } from "~/components/forms/field";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { COUNTRIES } from "~/lib/countries";

/**
 * The optional City and Country fields (named location.city / location.country, the server's
 * error fields), for the org and profile forms.
 */
export function LocationFields({
  city,
  country,
  errors,
  onCityChange,
  onCountryChange,
}: {
  city: string;
  country: string;
  errors: Record<string, string | undefined>;
  onCityChange: (city: string) => void;
  onCountryChange: (country: string) => void;
}) {
  return (
    <>
      <Field label="City" optional error={errors["location.city"]}>
        {(p) => (
          <Input
            {...p}
            name="location.city"
            value={city}
            onChange={(e) => onCityChange(e.target.value)}
            maxLength={100}
            autoComplete="address-level2"
          />
        )}
      </Field>
      <Field label="Country" optional error={errors["location.country"]}>
        {(p) => (
          <NativeSelect
            {...p}
            name="location.country"
            value={country}
            onChange={(e) => onCountryChange(e.target.value)}
          >
            <option value="">Choose a country</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
    </>
  );
}
