// "Områdeleverandører" in the header: the register of area suppliers, kept by supervisors and read by everyone.
import { ScreenNavButton } from '../../app/ScreenNavButton';

export const AreaSuppliersNavButton = () => <ScreenNavButton screen="areaSuppliers" />;
