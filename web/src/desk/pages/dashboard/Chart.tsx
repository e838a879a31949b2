// An Apache ECharts chart drawn as SVG (sharp in print), with only the parts of ECharts the dashboard uses, so
// the chunk stays small. The chart is an image for assistive technology: every chart has a table beside it.
import { BarChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, PieChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** What a click on a bar, slice or node hands back: the index of the data item and its series. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

export function Chart({ option, label, height = 320, onSelect, testId }: { option: EChartsCoreOption; label: string; height?: number; onSelect?: (click: ChartClick) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    chart.setOption(option);
    chart.on('click', (params) => {
      const p = params as unknown as ChartClick;
      select.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex, name: p.name });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    // Disposing frees ECharts' listeners and timers when the page closes or the figures change.
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className={onSelect ? 'chart clickable' : 'chart'} style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
