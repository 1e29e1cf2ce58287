// "Prisliste" in the header: the price list screen, one Tab away (supervisors edit it there, everyone reads it).
import { ScreenNavButton } from '../../app/ScreenNavButton';

export const PriceListNavButton = () => <ScreenNavButton screen="priceList" />;
